// Every word a resident reads lives here, so wording is reviewed in one place and pages stay
// free of literals. Server messages (ApiError.message) are already Chinese and shown as they are.

export type ClientErrorCode = Api.ErrorCode | 'NETWORK';

export const zh = {
  appName: '一键上报',

  categories: {
    sanitation: '环境卫生',
    dispute: '矛盾纠纷',
    property: '物业服务',
    facilities: '市政设施',
    safety: '治安隐患',
    'urgent-repair': '抢修抢险',
    policy: '政策咨询',
    'life-service': '生活服务',
    other: '其他',
  } as Record<Api.BuiltInCategoryCode, string>,

  categoryHints: {
    sanitation: '垃圾、污水',
    dispute: '邻里纠纷',
    property: '电梯、保洁',
    facilities: '路灯、井盖',
    safety: '消防通道',
    'urgent-repair': '停水停电、管道爆裂',
    policy: '办事咨询',
    'life-service': '养老、助残',
    other: '其他问题',
  } as Record<Api.BuiltInCategoryCode, string>,

  kinds: {
    complaint: '投诉',
    suggestion: '建议',
    question: '咨询',
  } as Record<Api.Kind, string>,

  status: {
    submitted: '待受理',
    accepted: '处理中',
    resolved: '已办结',
    closed: '已归档',
    rejected: '不予受理',
    withdrawn: '已撤回',
  } as Record<Api.TicketStatus, string>,

  levels: {
    grid: '网格',
    community: '社区',
    street: '街道',
    district: '区里',
  } as Record<Api.Level, string>,

  ratings: {
    satisfied: '满意',
    basic: '基本满意',
    unsatisfied: '不满意',
  } as Record<Api.Rating, string>,

  timeline: {
    submit: '提交了上报',
    withdraw: '撤回了上报',
    accept: '受理了',
    reject: '不予受理',
    transfer: '转给了其他网格',
    dispatch: '派给了职能部门',
    escalate: '上报给上一级（吹哨）',
    resolve: '办结了',
    rate: '作出了评价',
    reopen: '申请重办',
    supervise: '督办',
    return: '部门退回',
    close: '自动归档',
    overdue: '超时，已提醒上一级',
  } as Record<Api.TimelineKind, string>,

  errors: {
    NETWORK: '网络不太好，请稍后重试',
    INVALID_INPUT: '填写的内容有误，请检查后再试',
    UNAUTHENTICATED: '请在微信中打开小程序后再试',
    FORBIDDEN: '您没有权限进行这个操作',
    NOT_FOUND: '没有找到这条记录',
    CONFLICT: '这条上报的状态已经变化，请刷新后再试',
    RATE_LIMITED: '操作太频繁了，请稍后再试',
    CONTENT_REJECTED: '内容含有不适宜的信息，请修改后再提交',
    INTERNAL: '服务暂时不可用，请稍后重试',
  } as Record<ClientErrorCode, string>,

  common: {
    loading: '正在加载…',
    retry: '重新加载',
    loadMore: '正在加载更多…',
    loadMoreFailed: '没加载出来，点这里重试',
    noMore: '没有更多了',
    overdue: '已超时',
    acceptBy: '受理期限',
    resolveBy: '办结期限',
    cancel: '取消',
    confirm: '确定',
    submitting: '正在提交…',
  },

  index: {
    title: '身边有问题，随手报',
    subtitle: '拍张照、说一句，网格员来处理',
    reportButton: '一键上报',
    reportButtonHint: '拍照、说清问题，一步提交',
    categoriesTitle: '或按问题类型上报',
    urgentHint: '燃气泄漏、火情请先拨打 119/110',
    call119: '拨打 119',
    call110: '拨打 110',
    mine: '我的上报',
    mineHint: '查看处理进度、评价办理结果',
    staffEntry: '工作人员入口',
  },

  report: {
    title: '上报问题',
    categoryLabel: '问题类型',
    kindLabel: '您是要',
    descriptionLabel: '问题描述',
    descriptionPlaceholder: '请说说在哪里、出了什么问题。例如：3号楼东门垃圾堆了三天没人清运',
    voiceHint: '不方便打字？点输入法上的话筒，用说话代替打字',
    photosLabel: '现场照片',
    photosHint: '选填，最多 6 张',
    addPhoto: '拍照/相册',
    removePhoto: '删除',
    locationLabel: '问题位置',
    locating: '正在获取您的位置…',
    locatedHere: '您当前所在的位置',
    locationFailed: '没能获取位置，请在地图上选择',
    chooseOnMap: '在地图上选',
    openSetting: '去开启定位',
    phoneLabel: '联系电话',
    phonePlaceholder: '选填，方便网格员联系您',
    submit: '提交上报',
    urgentHint: '燃气泄漏、火情等紧急情况，请先拨打 119/110',
    errorCategory: '请选择问题类型',
    errorDescription: '请描述一下问题（1–500 字）',
    errorLocation: '请选择问题发生的位置',
    errorPhone: '电话号码格式不对，请检查',
    photoLimit: '最多上传 6 张照片',
    photoTooLarge: '有照片太大，没能添加，请换一张',
    photoFailed: '没能添加照片，请重试',
    uploading: '正在上传照片…',
    nearbyTitle: '是同一个问题吗？',
    nearbyIntro: '附近已有相同类型的问题正在处理：',
    nearbyDistance: (meters: number): string => `${Math.max(1, Math.round(meters))} 米内`,
    nearbyReported: ' 上报',
    nearbySame: '就是这个问题',
    nearbyContinue: '不是，继续上报',
    nearbyCancel: '先不报了',
    nearbySameTitle: '感谢您的反映',
    nearbySameContent: '已有居民反映过，网格员正在处理，无需重复上报。',
    nearbySameConfirm: '知道了',
  },

  success: {
    title: '上报成功',
    number: '上报编号',
    copy: '复制',
    copied: '编号已复制',
    acceptBy: (deadline: string): string => `网格员将在 ${deadline} 前受理`,
    triage: (deadline: string): string => `已转交社区统一分派，将在 ${deadline} 前受理`,
    soon: '我们会尽快安排网格员受理',
    nextTitle: '接下来',
    steps: ['网格员受理您的上报', '到现场处理，处理结果会通知您', '办结后请您评价是否满意'],
    viewProgress: '查看处理进度',
    backHome: '返回首页',
  },

  mine: {
    title: '我的上报',
    filters: [
      { key: 'all', label: '全部' },
      { key: 'submitted', label: '待受理' },
      { key: 'accepted', label: '处理中' },
      { key: 'resolved', label: '已办结' },
    ] as Array<{ key: 'all' | Api.TicketStatus; label: string }>,
    empty: '还没有上报记录',
    emptyFiltered: '这一类还没有记录',
    emptyAction: '去上报问题',
    createdAt: '上报于',
  },

  ticket: {
    title: '上报详情',
    number: '编号',
    description: '问题描述',
    photos: '现场照片',
    location: '问题位置',
    result: '办理结果',
    timeline: '办理过程',
    handledBy: (who: string): string => `当前由${who}负责`,
    department: '职能部门',
    yourRating: '您的评价',
    rateTitle: '请评价办理结果',
    rateComment: '还想说点什么（选填）',
    rateSubmit: '提交评价',
    rateChoose: '请先选择满意程度',
    rated: '感谢您的评价',
    reopen: '不满意，申请重办',
    reopenTitle: '申请重办',
    reopenReason: '请说说哪里还没有解决（必填）',
    reopenSubmit: '提交重办申请',
    reopenNeedReason: '请填写重办原因（1–200 字）',
    reopened: '已申请重办',
    withdraw: '撤回上报',
    withdrawTitle: '确定撤回这条上报吗？',
    withdrawContent: '撤回后网格员将不再处理。',
    withdrawConfirm: '确定撤回',
    withdrawn: '已撤回',
  },

  privacy: {
    title: '用户隐私保护提示',
    intro: '在使用一键上报前，请您阅读',
    contract: '《一键上报隐私保护指引》',
    purpose: '我们会在您上报时获取位置（确定问题地点）和您选择的照片（记录现场），只用于处理您的上报。',
    agree: '同意并继续',
    disagree: '不同意',
    denied: '未同意隐私保护指引，暂时无法使用定位和照片',
  },

  placeholder: {
    staffTitle: '工作人员',
    adminTitle: '管理后台',
    comingSoon: '功能即将开放',
    comingSoonHint: '网格员处理上报的功能正在建设中',
    backHome: '返回首页',
  },
};

export function errorMessage(code: ClientErrorCode): string {
  return zh.errors[code];
}

export function categoryName(code: Api.CategoryCode): string {
  return (zh.categories as Record<string, string>)[code] ?? code;
}
