// The contract between the mini program and the `api` / `jobs` cloud functions.
// Only types cross that boundary: the client and the server both compile against this file,
// so a renamed field or a missing action fails `tsc` on both sides.
// Times are ISO-8601 strings in UTC ("2026-11-22T06:00:00.000Z"); clients show them in Asia/Shanghai.

declare namespace Api {
  type Role = 'resident' | 'gridWorker' | 'communityAdmin' | 'deptHandler' | 'streetAdmin' | 'districtAdmin' | 'superAdmin';
  type StaffRole = Exclude<Role, 'resident'>;

  type TicketStatus = 'submitted' | 'accepted' | 'resolved' | 'closed' | 'rejected' | 'withdrawn';
  type Level = 'grid' | 'community' | 'street' | 'district';
  type Kind = 'complaint' | 'suggestion' | 'question';
  type Complexity = 'normal' | 'complex';
  type Rating = 'satisfied' | 'basic' | 'unsatisfied';
  type SlaProfile = 'normal' | 'urgent';
  type Crs = 'wgs84' | 'gcj02';

  /** Built-in category codes; categories are data, so any admin-added code is a plain string. */
  type BuiltInCategoryCode =
    'sanitation' | 'dispute' | 'property' | 'facilities' | 'safety' | 'urgent-repair' | 'policy' | 'life-service' | 'other';
  type CategoryCode = BuiltInCategoryCode | (string & {});

  type ErrorCode =
    'INVALID_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'CONTENT_REJECTED' | 'INTERNAL';

  /** Moves a user can make on a ticket; the server lists the allowed ones on each view. */
  type TicketAction =
    'withdraw' | 'accept' | 'reject' | 'transfer' | 'dispatch' | 'escalate' | 'resolve' | 'rate' | 'reopen' | 'supervise' | 'return';

  /**
   * Entries staff add without moving the ticket: revealing the resident's phone to call them
   * (`ticket.contact`, an audit entry) and answering a 督办 (`ticket.reply`).
   */
  type TicketNote = 'contact' | 'reply';

  /** What a resident may ask of an open ticket without moving it (催办: urge). */
  type TicketRequest = 'urge';

  /** What a timeline entry records: a user's move, request or note, or what the system did by itself. */
  type TimelineKind = 'submit' | TicketAction | TicketRequest | TicketNote | 'close' | 'overdue' | 'claim';

  /** One-time grants allow one message each; long-term (政务民生 and similar) many. */
  type TemplateKind = 'oneTime' | 'longTerm';

  type TemplateKey = 'ticketAccepted' | 'ticketResolved' | 'ticketRejected' | 'staffNewTicket' | 'staffEscalated';

  type GrantResult = 'accept' | 'reject' | 'ban' | 'filter';

  interface Location {
    /** GCJ-02, as wx.getLocation({ type: 'gcj02' }) and wx.chooseLocation return. */
    latitude: number;
    longitude: number;
    address?: string;
  }

  type Scope = { grids: string[] } | { community: string } | { street: string } | { district: string } | { department: string };

  interface TimelineEntry {
    at: string;
    kind: TimelineKind;
    /** 'system' for the SLA sweep and auto-close. */
    actorRole: Role | 'system';
    /** A display label such as "网格员" or "社区"; never an openid, name or phone. */
    actorLabel: string;
    /**
     * The public display name a staff member gave at binding (e.g. "张燕"), as it was when they
     * acted; null for residents, the system and entries written before names existed.
     */
    actorName?: string | null;
    fromStatus: TicketStatus | null;
    toStatus: TicketStatus;
    level: Level;
    note: string | null;
    /** The fileIDs, for the one who uploaded them only (empty for everyone else). */
    photos: string[];
    /** Short-lived download links of the entry's photos, in order; empty where not resolvable. */
    photoUrls: string[];
  }

  /**
   * The deadline a ticket waits on now — accepting while submitted, resolving while accepted —
   * with its words from the server ("11月25日 24:00 前受理"), so no client formats a deadline.
   */
  interface TicketDeadline {
    kind: 'accept' | 'resolve';
    at: string;
    label: string;
    /** Passed at the time of the answer. */
    overdue: boolean;
  }

  interface TicketView {
    id: string;
    no: string;
    status: TicketStatus;
    category: CategoryCode;
    categoryName: string;
    kind: Kind;
    description: string;
    /** The report's fileIDs, for its reporter only (empty for everyone else: fileIDs are the uploader's). */
    photos: string[];
    /** Short-lived download links, for everyone who may see the ticket. */
    photoUrls: string[];
    location: Location;
    gridCode: string | null;
    gridName: string | null;
    communityName: string | null;
    level: Level;
    /** Set while dispatched to a department. */
    departmentCode: string | null;
    createdAt: string;
    updatedAt: string;
    acceptBy: string | null;
    resolveBy: string | null;
    resolvedAt: string | null;
    /** The ticket missed a deadline (it was escalated and supervised for it). */
    overdue: boolean;
    deadline: TicketDeadline | null;
    complexity: Complexity | null;
    rating: Rating | null;
    ratingComment: string | null;
    result: string | null;
    /** 代报 / patrol: who filed it, as a label. */
    source: 'resident' | 'proxy' | 'patrol';
    /** Staff views only; masked like 138****1234. */
    contactPhoneMasked?: string | null;
    reporterName?: string | null;
    timeline?: TimelineEntry[];
    /**
     * How a resident comes to see this ticket: they reported it, follow it ("我也遇到了") or claimed
     * the 代报 filed for them. Absent for staff views.
     */
    relation?: TicketRelation;
    /** Residents affected: the one it is about and everyone following it (a signal for staff). */
    affectedCount: number;
    /** For the worker who filed a 代报, until its resident claims it: the code to show them. */
    claimCode?: string;
    /** The moves and requests the caller may make now; the client shows only these. */
    allowedActions: Array<TicketAction | TicketRequest>;
    /**
     * Who handles the ticket, as residents may see them: the display name and public service
     * phone of the staff member responsible now (or who last acted on it); never an openid.
     */
    handler: Handler | null;
    /** A 督办 (by an admin or the system) is on record for this ticket. */
    supervised?: boolean;
    /** Staff detail views only: notes this staff member may add now (contact the resident, reply to a 督办). */
    allowedNotes?: TicketNote[];
    /** Staff detail views only: the 督办 records of this ticket, newest first. */
    supervisions?: SupervisionItem[];
    /** Staff detail views only: the grid's outline for a map, outer rings, a few dozen points each. */
    gridOutline?: Array<Array<{ latitude: number; longitude: number }>> | null;
  }

  interface Handler {
    name: string;
    /** The public service phone given at binding (a work number, not a private one), if any. */
    phone: string | null;
  }

  /** A 督办 record as the desk and the handling page show it. */
  interface SupervisionItem {
    id: string;
    ticketId: string;
    ticketNo: string;
    category: CategoryCode;
    categoryName: string;
    /** The reason given (or the system's: 超时未受理 / 超时未办结). */
    note: string;
    at: string;
    /** A display name, or 系统 for the SLA sweep. */
    by: string;
    byLabel: string;
    level: Level;
    answered: boolean;
    answer: { note: string; at: string; by: string } | null;
  }

  interface QueueCounts {
    /** Waiting for the caller to accept. */
    submitted: number;
    /** Accepted, being handled by the caller. */
    accepted: number;
    /** Open, marked overdue, in the caller's hands now. */
    overdue: number;
    /** Resolved in the caller's area, waiting for a rating. */
    resolved: number;
    /** Open in the caller's hands, due before the end of today (Shanghai), not yet overdue. */
    dueToday: number;
  }

  /** A ticket the staff may keep when rejecting another as its duplicate (in their scope, within 50 m). */
  interface DuplicateCandidate {
    id: string;
    no: string;
    status: TicketStatus;
    /** A short excerpt, phones and other numbers masked. */
    description: string;
    distanceMeters: number;
    createdAt: string;
  }

  interface DepartmentOption {
    code: string;
    name: string;
    street: string | null;
    district: string | null;
    categories: CategoryCode[];
    /** The ticket's category names this department: its default, or one it declares. */
    suggested: boolean;
  }

  /** A category as the admin page shows it (admin.catalog.list). */
  interface CatalogCategory {
    code: CategoryCode;
    name: string;
    profile: SlaProfile;
    defaultKind: Kind;
    defaultDepartmentCode: string | null;
    defaultDepartmentName: string | null;
    /** One of DOMAIN.md's categories: it can be renamed or changed, never removed. */
    builtIn: boolean;
    /** 停用: residents and workers no longer pick it; its tickets keep it. */
    retired: boolean;
    /** Whether it may be retired (其他, every resident's fallback, may not). */
    retirable: boolean;
  }

  /** A department as the admin page shows it, with whether the caller may change it. */
  interface CatalogDepartment {
    code: string;
    name: string;
    street: string | null;
    district: string | null;
    /** "车站街道" or "张店区（全区）". */
    areaLabel: string;
    categories: CategoryCode[];
    categoryNames: string[];
    editable: boolean;
    /** 停用: no longer offered for dispatch or invites; the tickets it holds stay with it. */
    retired: boolean;
  }

  /** A street or a district the caller may place a department in. */
  interface CatalogArea {
    key: string;
    street: string | null;
    district: string | null;
    label: string;
  }

  interface GridOption {
    code: string;
    name: string;
    community: string | null;
    street: string | null;
  }

  type TicketRelation = 'reporter' | 'follower' | 'claimant';

  type TicketListItem = Omit<TicketView, 'timeline'>;

  interface Page<T> {
    items: T[];
    nextCursor: string | null;
  }

  // ---- params and answers, one pair per action ----

  interface ReportSubmitParams {
    category: CategoryCode;
    kind: Kind;
    description: string;
    photos: string[];
    location: Location;
    contactPhone?: string;
    clientRequestId: string;
    /** gridWorker only: 代报 for a resident who phoned or visited. */
    onBehalfOf?: { name: string; phone: string };
    /** gridWorker only: found on patrol. */
    patrol?: boolean;
  }
  interface ReportSubmitData {
    ticketId: string;
    no: string;
    status: TicketStatus;
    gridCode: string | null;
    acceptBy: string | null;
    deadline: TicketDeadline | null;
  }

  /**
   * An open ticket near the caller that may be the same problem. Only what a neighbour needs to
   * decide "同一个问题?": no identifier of the ticket, no distance finer than "within 50 m", a
   * masked excerpt, the hour it was reported.
   */
  interface NearbyItem {
    /** Opaque and short-lived: lets this caller follow the ticket (report.follow); opens nothing else. */
    ref: string;
    status: TicketStatus;
    category: CategoryCode;
    categoryName: string;
    /** A few words, with phone and ID numbers, house numbers, names and account ids masked. */
    description: string;
    /** Every item lies within this many metres; no finer distance is given. */
    withinMeters: 50;
    /** When it was reported, to the hour (ISO, UTC). */
    reportedHour: string;
  }

  /** A bound staff member as the directory shows them: never their openid. */
  interface StaffListItem {
    role: StaffRole;
    /** The role in words (网格员, 社区 …). */
    roleLabel: string;
    scope: Scope | null;
    /** The scope in short words ("华光社区", "网格 ZD-CZ-HG-01、ZD-CZ-HG-02"). */
    scopeLabel: string;
    boundAt: string;
    /** The invite the role was bound with (each binds one person), so an admin can tell who is who. */
    inviteCode: string;
    /** The public display name given at binding (null for records bound before names existed). */
    displayName: string | null;
    /** When the member last used the system, to the hour; null before the first mark. */
    lastActiveAt: string | null;
    /** This is the caller's own record. */
    self: boolean;
    /** What the caller may do with this member (staff.update / staff.remove); the client shows only these. */
    allowedActions: StaffMemberAction[];
  }

  type StaffMemberAction = 'update' | 'remove';

  /** An unused, unexpired invite as the admin screens list it. */
  interface InviteItem {
    code: string;
    role: StaffRole;
    roleLabel: string;
    scope: Scope;
    scopeLabel: string;
    createdAt: string;
    expiresAt: string;
    /** Made by the caller (others in the area were made by other admins). */
    mine: boolean;
  }

  /** A grid an import would add, change or leave out (admin.grids.preview). */
  interface GridChangeItem {
    code: string;
    name: string;
    community: string | null;
    /** Changed grids: what differs, in words (名称, 边界 …). */
    fields?: string[];
  }

  interface GridImportPreview {
    /** Grids in the file. */
    total: number;
    added: GridChangeItem[];
    changed: GridChangeItem[];
    /** Grids the file holds exactly as imported already. */
    unchanged: number;
    /** Imported grids of the file's communities that the file does not name (an import keeps them). */
    notInFile: GridChangeItem[];
    /** In words: overlapping grids, grids the file leaves out. */
    warnings: string[];
    /** A list was cut (at 100); the counts in `expected` stay whole. */
    truncated: boolean;
    /** What admin.grids.import will answer for this file now. */
    expected: { imported: number; replaced: number };
  }

  /** A role the caller may invite, with its words, in the order the form offers them. */
  interface InvitableRole {
    role: StaffRole;
    label: string;
  }

  /** An invite's 小程序码: a short-lived link to the image; it opens `page` with the code as `scene`. */
  interface InviteQr {
    code: string;
    page: string;
    scene: string;
    url: string;
    linkExpiresAt: string;
  }

  /** An Excel workbook of a period's tickets and figures: a short-lived link to the .xlsx. */
  interface AdminExport {
    url: string;
    linkExpiresAt: string;
    /** A file name to save it under (Chinese, with the period), ending in .xlsx. */
    fileName: string;
    /** Ticket rows in the workbook. */
    tickets: number;
  }

  interface StaffMe {
    openid: string;
    role: Role;
    scope: Scope | null;
    /** Human names of the scope, for headers such as "张店区 · 科苑街道 · 和平社区". */
    scopeLabel: string;
    /** Staff only: the public display name and service phone given at binding. */
    displayName: string | null;
    servicePhone: string | null;
    /** What the workbench may offer this person beyond their queue (the server's rule, not the client's). */
    abilities: StaffAbility[];
    /** The caller's cloud storage folder for photos (uploads/{opaque key}, never an openid). */
    uploadFolder: string;
  }

  /**
   * fileForOthers: 代报 and patrol finds (report.submit onBehalfOf / patrol); supervisionDesk:
   * supervisions.list; administration: the admin pages (invites, staff directory, figures, places);
   * gridImport: admin.grids.preview / admin.grids.import.
   */
  type StaffAbility = 'fileForOthers' | 'supervisionDesk' | 'administration' | 'gridImport';

  interface GridSummary {
    code: string;
    name: string;
    community: string | null;
    street: string | null;
    district: string | null;
    households: number | null;
    /** [minLng, minLat, maxLng, maxLat] in GCJ-02. */
    bbox: [number, number, number, number];
  }

  interface StatsBlock {
    received: number;
    accepted: number;
    resolved: number;
    closed: number;
    rejected: number;
    closureRate: number | null;
    onTimeRate: number | null;
    satisfactionRate: number | null;
    /** 当天办结率: resolved on the Shanghai day it arrived, over received (withdrawn left out). */
    sameDayRate: number | null;
    /** Tickets whose responsibility rose above the grid (吹哨 or overdue escalation). */
    escalated: number;
    /** 小事不出网格: share of the finished ones resolved by grid-level staff. */
    gridResolvedRate: number | null;
    medianAcceptMinutes: number | null;
    medianResolveMinutes: number | null;
    openOverdue: number;
  }
  interface StatsSummary extends StatsBlock {
    byCategory: Array<StatsBlock & { category: CategoryCode; name: string }>;
    /** `rankable` is false for grids with too few tickets to judge (left out of rankings). */
    byGrid: Array<StatsBlock & { gridCode: string; name: string; rankable: boolean }>;
    byDay: Array<StatsBlock & { day: string }>;
    bySource: Array<StatsBlock & { source: 'resident' | 'proxy' | 'patrol' }>;
    byDepartment: Array<StatsBlock & { departmentCode: string; name: string; rankable: boolean }>;
    /** By the staff member who handled the tickets: a display label, never an openid. */
    byStaff: Array<StatsBlock & { name: string; role: Role; rankable: boolean }>;
  }

  interface Actions {
    // resident
    'report.submit': { params: ReportSubmitParams; data: ReportSubmitData };
    'report.nearby': {
      params: { category: CategoryCode; location: Location };
      data: { items: NearbyItem[] };
    };
    'report.mine': { params: { status?: TicketStatus; cursor?: string }; data: Page<TicketListItem> };
    'report.withdraw': { params: { ticketId: string; reason?: string }; data: TicketView };
    'report.rate': {
      params: { ticketId: string; rating: Rating; comment?: string };
      data: TicketView;
    };
    'report.reopen': { params: { ticketId: string; reason: string }; data: TicketView };
    /** "我也遇到了": follow an open ticket offered by report.nearby (its `ref`) instead of filing a new one. */
    'report.follow': { params: { ref: string }; data: TicketView };
    /** Claim a 代报 with the code the grid worker shows (or puts in a QR code). */
    'report.claim': { params: { code: string }; data: TicketView };
    /** 催办: the reporter reminds the staff holding an overdue ticket (once a day). */
    'report.urge': { params: { ticketId: string }; data: TicketView };
    'ticket.get': { params: { ticketId: string }; data: TicketView };
    /**
     * The categories residents can pick (built-in plus admin-added), for the home page tiles;
     * defaultKind is the kind a report form preselects for the category (an admin sets it).
     */
    'categories.list': {
      params: Record<string, never>;
      data: { items: Array<{ code: CategoryCode; name: string; profile: SlaProfile; defaultKind: Kind }> };
    };
    'subscription.record': {
      params: { grants: Record<string, GrantResult> };
      data: { recorded: number };
    };
    // staff
    'staff.bind': {
      /** displayName: 1–20 visible characters shown to residents; servicePhone: a public work number. */
      params: { inviteCode: string; displayName: string; servicePhone?: string };
      data: { role: StaffRole; scope: Scope | null };
    };
    'staff.me': { params: Record<string, never>; data: StaffMe };
    /** The directory: a super admin's everyone, an area admin's the staff of their area. */
    'staff.list': { params: { cursor?: string }; data: Page<StaffListItem> };
    /** Unbinds a member (by the invite they bound with); their next call is a resident's. */
    'staff.remove': { params: { inviteCode: string }; data: { inviteCode: string; removed: true } };
    /** Gives a member another scope of the same role, within the admin's area and level. */
    'staff.update': { params: { inviteCode: string; scope: Scope }; data: StaffListItem };
    'queue.list': {
      /**
       * Without a status: what the caller must act on now. With a status: every ticket of it in
       * the caller's area, or with `duty: true` only those the caller must act on now.
       */
      params: { status?: TicketStatus; overdue?: boolean; duty?: boolean; cursor?: string };
      data: Page<TicketListItem>;
    };
    'queue.counts': { params: Record<string, never>; data: QueueCounts };
    /** Departments a ticket may be dispatched to (the category's default first), or of the caller's area. */
    'departments.list': { params: { ticketId?: string }; data: { items: DepartmentOption[] } };
    /** Grids a ticket may be transferred to: of its district, or of one community of it. */
    'grids.pick': {
      params: { ticketId: string; community?: string; cursor?: string };
      data: Page<GridOption>;
    };
    /** Open tickets of the same category within 50 m that the caller may see: the kept one of a duplicate. */
    'ticket.duplicates': { params: { ticketId: string }; data: { items: DuplicateCandidate[] } };
    /** The resident's full phone for the staff responsible now; each reveal is a timeline entry. */
    'ticket.contact': { params: { ticketId: string }; data: { phone: string } };
    /** The responsible staff answer a 督办. */
    'ticket.reply': { params: { ticketId: string; supervisionId: string; note: string }; data: TicketView };
    /** 督办 desk: the supervisions of the caller's street or district, newest first. */
    'supervisions.list': { params: { cursor?: string }; data: Page<SupervisionItem> };
    'ticket.accept': { params: { ticketId: string; complexity: Complexity }; data: TicketView };
    'ticket.reject': {
      params: { ticketId: string; reason: string; duplicateOf?: string };
      data: TicketView;
    };
    'ticket.transfer': {
      params: { ticketId: string; toGridCode: string; reason: string };
      data: TicketView;
    };
    'ticket.dispatch': {
      params: { ticketId: string; departmentCode: string; note?: string };
      data: TicketView;
    };
    'ticket.escalate': { params: { ticketId: string; reason: string }; data: TicketView };
    'ticket.resolve': {
      params: { ticketId: string; result: string; photos?: string[] };
      data: TicketView;
    };
    'ticket.supervise': { params: { ticketId: string; note: string }; data: TicketView };
    'ticket.return': { params: { ticketId: string; reason: string }; data: TicketView };
    // figures
    'stats.summary': { params: { scope?: Scope; from: string; to: string }; data: StatsSummary };
    // admin
    'admin.grids.import': {
      params: { geojson: unknown; crs: Crs };
      data: { imported: number; replaced: number };
    };
    /** What admin.grids.import would change, with the same checks, changing nothing. */
    'admin.grids.preview': { params: { geojson: unknown; crs: Crs }; data: GridImportPreview };
    'admin.grids.list': {
      params: { community?: string; cursor?: string };
      data: Page<GridSummary>;
    };
    'admin.invites.create': {
      params: { role: StaffRole; scope: Scope };
      data: { code: string; expiresAt: string };
    };
    /** The pending invites of the admin's area, newest first. */
    'admin.invites.list': { params: { cursor?: string }; data: Page<InviteItem> & { roles: InvitableRole[] } };
    /** Withdraws a pending invite: the code then binds nobody. */
    'admin.invites.revoke': { params: { code: string }; data: { code: string; revoked: true } };
    /** The 小程序码 of a pending invite, to show and scan. */
    'admin.invites.qr': { params: { code: string }; data: InviteQr };
    /** The tickets and figures of an area and period as an .xlsx (area admins: their area). */
    'admin.export': { params: { scope?: Scope; from: string; to: string }; data: AdminExport };
    /** The categories and the departments of the admin's area, with what the admin may change. */
    'admin.catalog.list': {
      params: Record<string, never>;
      data: {
        categories: CatalogCategory[];
        categoriesEditable: boolean;
        departments: CatalogDepartment[];
        areas: CatalogArea[];
      };
    };
    'admin.categories.upsert': {
      /** `create: true`: a new code is meant — an existing one is CONFLICT. */
      params: {
        code: string;
        name: string;
        profile: SlaProfile;
        defaultDepartmentCode?: string;
        defaultKind?: Kind;
        /** 停用 (true) or back in use (false); left out, it stays as it is. */
        retired?: boolean;
        create?: true;
      };
      data: { code: string; created: boolean };
    };
    'admin.departments.upsert': {
      params: {
        code: string;
        name: string;
        street?: string;
        district?: string;
        categories: CategoryCode[];
        /** 停用 (true) or back in use (false); left out, it stays as it is. */
        retired?: boolean;
        /** A new code is meant — an existing one is CONFLICT. */
        create?: true;
      };
      data: { code: string; created: boolean };
    };
  }

  type ActionName = keyof Actions;
  type Params<A extends ActionName> = Actions[A]['params'];
  type Data<A extends ActionName> = Actions[A]['data'];

  interface ErrorBody {
    code: ErrorCode;
    message: string;
    details?: unknown;
  }
  type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
  type Response<A extends ActionName> = Envelope<Data<A>>;
  interface Request<A extends ActionName = ActionName> {
    action: A;
    params: Params<A>;
  }

  // ---- the `jobs` function ----
  type JobName = 'sweep' | 'deliver' | 'autoClose' | 'figures';
  interface JobEvent {
    Type: 'Timer';
    TriggerName: JobName;
    Time?: string;
  }
  type JobResponse = Envelope<{ job: JobName; processed: number }>;
}
