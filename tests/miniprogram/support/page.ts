// The page a test file (or preview spec) drives: loaded once for the file (render.ts's load: one
// page per file), then rendered afresh and opened for each test as WeChat opens it (onLoad with
// the page's query). The clock is fixed around each test unless the file asks for the real one.
import { apiFake } from './api-fake';
import { fixClock, realClock } from './clock';
import { callPage, load, render, type Root } from './render';

export interface PageUnderTest {
  /** A fresh render, not loaded yet (to arrange what the page reads while it loads). */
  render(): Root;
  /** A fresh render after onLoad (with `query`, when given) and what it started. */
  open(query?: Record<string, string>): Promise<Root>;
}

export function pageUnderTest(path: string, options: { realClock?: boolean } = {}): PageUnderTest {
  let id = '';
  beforeAll(() => {
    id = load(path);
  });
  if (!options.realClock) {
    beforeEach(() => fixClock());
    afterEach(() => realClock());
  }
  return {
    render: () => render(id),
    async open(query) {
      const page = render(id);
      if (query) await callPage(page, 'onLoad', query);
      else await callPage(page, 'onLoad');
      return page;
    },
  };
}

/** A ticket page (the resident's or the staff's) opened on `view`: ticket.get answers it. */
export function openTicket(page: PageUnderTest, view: Api.TicketView): Promise<Root> {
  apiFake.on('ticket.get', () => view);
  return page.open({ id: view.id });
}
