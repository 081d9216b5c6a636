// A small icon drawn as a CSS mask, so it takes the colour of the text around it and grows with
// the resident's font size. Names are the .ui-icon--NAME rules in ui-icon.wxss.
Component({
  properties: {
    name: { type: String, value: '' },
    /** Any CSS length; empty = 1em, i.e. the size of the surrounding text. */
    size: { type: String, value: '' },
    color: { type: String, value: '' },
  },
});
