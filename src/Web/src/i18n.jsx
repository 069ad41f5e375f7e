import { createContext, useContext } from 'react';

// Chinese first; English is the switch. A missing English text falls back to Chinese, a missing key to itself.
const zh = {
  appName: '全科网格事件管理',
  signIn: '登录', signOut: '退出', username: '用户名', password: '密码',
  signInFailed: '用户名或密码错误', language: 'English',
  navDesigner: '流程设计', navQueue: '待办队列', navReplay: '案件回放',
  'role.PolicyAdmin': '政策管理员', 'role.Dispatcher': '调度员', 'role.Handler': '处置人员',
  'role.Auditor': '督查审计', 'role.GridMember': '网格员',
  loading: '加载中…', error: '出错了', none: '暂无',
  // queue
  queueTitle: '我的待办', filterStatus: '状态', filterCategory: '事项类别', category: '类别', sortBy: '排序',
  'sort.dueAt': '按办理时限', 'sort.openedAt': '按生成时间（最早）', 'sort.-openedAt': '按生成时间（最新）', filterOverdue: '仅看超时', all: '全部',
  'status.Open': '待办', 'status.Claimed': '已认领', 'status.Completed': '已办结', 'status.Cancelled': '已取消',
  caseNumber: '案件编号', caseTitle: '标题', node: '环节', dueAt: '办理时限', countdown: '剩余时间',
  claimedBy: '认领人', claim: '认领', release: '释放', complete: '提交办理', refresh: '刷新',
  overdue: '已超时', warning: '即将超时', remaining: '剩余', overdueBy: '超时',
  caseDetail: '案件详情', reportedAt: '上报时间', channel: '来源渠道', grid: '网格', reporter: '上报人',
  responsibleUnit: '责任单位', description: '描述', outcome: '办理结果', chooseOutcome: '请选择办理结果',
  selectTask: '请在左侧选择一个任务', claimFirst: '请先认领任务再办理', completed: '已提交，流程已推进',
  openReplay: '查看回放', required: '必填',
  reassign: '人工改派', reassignHint: '将本案件改派给其他单位处置', level: '层级', searchUnit: '查找单位',
  searchUnitHint: '按名称或编码筛选', targetUnit: '改派至', chooseUnit: '请选择单位', reassignReason: '改派理由',
  reassignSubmit: '确认改派', reassigned: '已改派至 {0}', noPushDownTitle: '改派被拒绝：不得下沉到网格',
  noPushDownRule: '不得将应由乡镇（街道）或部门处置的事件流转返回到网格。本次改派未生效，已记入办理轨迹。', apiSays: '系统说明',
  // replay
  replayTitle: '案件回放', timeline: '办理轨迹', seq: '序号', time: '时间', actor: '操作人', unit: '单位',
  kind: '事件', rule: '规则', back: '上一步', forward: '下一步', step: '第 {0} / {1} 步',
  activeNodes: '当前节点', verifyOk: '链完整 · 重放一致', verifyBad: '校验失败：第 {0} 条起异常',
  chainValid: '哈希链', replayMatches: '重放', ok: '通过', bad: '不通过', pinnedVersion: '流程版本',
  caseList: '可回放的案件', open: '打开',
  // designer
  designerTitle: '流程设计', definitions: '流程定义', latest: '最新版本', draft: '草稿', hasDraft: '有草稿',
  versions: '版本历史', publishedBy: '发布人', publishedAt: '发布时间', changeNote: '变更说明',
  palette: '组件面板', properties: '属性', validate: '校验', saveDraft: '保存草稿', publish: '发布',
  changeNoteRequired: '发布前请填写变更说明', noProblems: '校验通过，没有问题', problems: '问题',
  nodeId: '节点编号', nodeType: '类型', nodeTitle: '名称', props: '属性（JSON）', apply: '应用',
  invalidJson: 'JSON 格式错误', deleteNode: '删除节点', deleteEdge: '删除连线', view: '查看',
  rollback: '以此版本新建草稿', editing: '正在编辑', viewing: '只读查看', saved: '草稿已保存',
  published: '已发布版本 v{0}', selectNode: '选择一个节点或连线以编辑属性', addHint: '点击组件添加到画布',
  editDraft: '编辑草稿', version: '版本',
  diff: '版本对比', diffFrom: '旧版本', diffTo: '新版本', compare: '对比', noDifferences: '两个版本没有差异',
  'change.added': '新增', 'change.removed': '删除', 'change.changed': '修改', 'change.moved': '移动',
  rolledBack: '已以 v{0} 为基础新建草稿', undo: '撤销', redo: '重做', autoLayout: '自动布局', advancedJson: '高级：编辑 JSON',
  retire: '停用此版本', retireConfirm: '确认停用 v{0}', cancel: '取消', retired: '已停用 v{0}：新案件改用最新发布版本，在办案件仍按原版本办结',
  retireRefused: '不能停用 v{0}', retireLastPublished: 'v{0} 是唯一的已发布版本，停用后将无法新建案件；请先发布新版本再停用', retireAlreadyRetired: 'v{0} 已停用', 'versionStatus.Published': '已发布', 'versionStatus.Retired': '已停用',
  addRow: '添加一行', deleteRow: '删除此行', moveUp: '上移', moveDown: '下移', cellHint: '* 任意；1..2 区间；>=3 比较；a, b 任一',
};

const en = {
  appName: 'Grid case management',
  signIn: 'Sign in', signOut: 'Sign out', username: 'User name', password: 'Password',
  signInFailed: 'Wrong user name or password', language: '中文',
  navDesigner: 'Designer', navQueue: 'Queue', navReplay: 'Replay',
  'role.PolicyAdmin': 'Policy administrator', 'role.Dispatcher': 'Dispatcher', 'role.Handler': 'Handler',
  'role.Auditor': 'Auditor', 'role.GridMember': 'Grid member',
  loading: 'Loading…', error: 'Something went wrong', none: 'None',
  queueTitle: 'My queue', filterStatus: 'Status', filterCategory: 'Category', category: 'Category', sortBy: 'Sort',
  'sort.dueAt': 'By due time', 'sort.openedAt': 'Oldest first', 'sort.-openedAt': 'Newest first', filterOverdue: 'Overdue only', all: 'All',
  'status.Open': 'Open', 'status.Claimed': 'Claimed', 'status.Completed': 'Completed', 'status.Cancelled': 'Cancelled',
  caseNumber: 'Case', caseTitle: 'Title', node: 'Step', dueAt: 'Due', countdown: 'Time left',
  claimedBy: 'Claimed by', claim: 'Claim', release: 'Release', complete: 'Complete', refresh: 'Refresh',
  overdue: 'Overdue', warning: 'Due soon', remaining: 'left', overdueBy: 'over',
  caseDetail: 'Case detail', reportedAt: 'Reported', channel: 'Channel', grid: 'Grid', reporter: 'Reporter',
  responsibleUnit: 'Responsible unit', description: 'Description', outcome: 'Outcome', chooseOutcome: 'Choose an outcome',
  selectTask: 'Select a task on the left', claimFirst: 'Claim the task before completing it', completed: 'Completed; the case moved on',
  openReplay: 'Replay', required: 'required',
  reassign: 'Reassign', reassignHint: 'Move this case to another unit', level: 'Level', searchUnit: 'Find unit',
  searchUnitHint: 'Filter by name or code', targetUnit: 'Reassign to', chooseUnit: 'Choose a unit', reassignReason: 'Reason',
  reassignSubmit: 'Reassign', reassigned: 'Reassigned to {0}', noPushDownTitle: 'Refused: no push-down to a grid',
  noPushDownRule: 'A case that belongs to a township (street) or a department is never pushed back down to a grid. Nothing changed; the attempt is recorded in the journal.', apiSays: 'The system says',
  replayTitle: 'Case replay', timeline: 'Timeline', seq: 'Seq', time: 'Time', actor: 'Actor', unit: 'Unit',
  kind: 'Kind', rule: 'Rule', back: 'Back', forward: 'Forward', step: 'Step {0} of {1}',
  activeNodes: 'Active nodes', verifyOk: 'Chain intact · replay matches', verifyBad: 'Verification failed from entry {0}',
  chainValid: 'Hash chain', replayMatches: 'Replay', ok: 'ok', bad: 'failed', pinnedVersion: 'Workflow version',
  caseList: 'Cases to replay', open: 'Open',
  designerTitle: 'Workflow designer', definitions: 'Definitions', latest: 'Latest', draft: 'Draft', hasDraft: 'draft',
  versions: 'Versions', publishedBy: 'By', publishedAt: 'When', changeNote: 'Change note',
  palette: 'Palette', properties: 'Properties', validate: 'Validate', saveDraft: 'Save draft', publish: 'Publish',
  changeNoteRequired: 'A change note is required to publish', noProblems: 'No problems', problems: 'Problems',
  nodeId: 'Node id', nodeType: 'Type', nodeTitle: 'Title', props: 'Props (JSON)', apply: 'Apply',
  invalidJson: 'Invalid JSON', deleteNode: 'Delete node', deleteEdge: 'Delete connection', view: 'View',
  rollback: 'New draft from this version', editing: 'Editing', viewing: 'Read only', saved: 'Draft saved',
  published: 'Published v{0}', selectNode: 'Select a node or connection to edit it', addHint: 'Click a type to add it',
  editDraft: 'Edit draft', version: 'Version',
  diff: 'Compare versions', diffFrom: 'From', diffTo: 'To', compare: 'Compare', noDifferences: 'No differences',
  'change.added': 'Added', 'change.removed': 'Removed', 'change.changed': 'Changed', 'change.moved': 'Moved',
  rolledBack: 'New draft based on v{0}', undo: 'Undo', redo: 'Redo', autoLayout: 'Auto-layout', advancedJson: 'Advanced: edit JSON',
  retire: 'Retire', retireConfirm: 'Confirm: retire v{0}', cancel: 'Cancel', retired: 'Retired v{0}: new cases start on the latest published version; open cases finish on theirs',
  retireRefused: 'Cannot retire v{0}', retireLastPublished: 'v{0} is the only published version and no case could start; publish a new version first', retireAlreadyRetired: 'v{0} is already retired', 'versionStatus.Published': 'Published', 'versionStatus.Retired': 'Retired',
  addRow: 'Add row', deleteRow: 'Delete row', moveUp: 'Move up', moveDown: 'Move down', cellHint: '* any; 1..2 range; >=3 compare; a, b any of',
};

// Domain words shown in lists and forms.
const zhTerms = {
  filed: '立案', invalid: '不予立案', resolved: '已办结', returned: '退回', extension: '申请延期', parked: '挂起',
  escalate: '上报', assisted: '已协办', done: '完成', overdue: '超时', top: '到顶',
  difficulty: '难度等级', scope: '影响范围', closure: '结案类型', reason: '理由', resolution: '处理结果',
  hours: '延期小时数', approvedHours: '批准小时数', explanation: '说明', opinion: '意见', satisfaction: '满意度',
  Grid: '网格', Village: '村（社区）', Township: '乡镇（街道）', County: '县（区）', City: '市', CrossDepartment: '跨部门',
  duplicate: '重复', GridPatrol: '网格巡查', Hotline12345: '12345 热线', Video: '视频监控', Public: '群众上报',
  Reported: '已上报', Dispatched: '已派遣', Closed: '已结案', Triaged: '已研判',
  NodeEntered: '进入环节', NodeExited: '离开环节', TaskOpened: '任务生成', TaskClaimed: '任务认领',
  TaskReleased: '任务释放', TaskCompleted: '任务办结', TimerScheduled: '设定计时', TimerCancelled: '取消计时',
  TimerFired: '计时到期', VariableSet: '变量赋值', Routed: '流转', Closed_: '结案', Reassigned: '改派',
  Decided: '规则判定', Notified: '通知',
};

export const LangContext = createContext({ lang: 'zh', setLang: () => {} });

export function useT() {
  const { lang } = useContext(LangContext);
  const dict = lang === 'en' ? en : zh;
  const t = (key, ...args) => {
    let text = dict[key] ?? zh[key] ?? key;
    args.forEach((arg, i) => { text = text.replace(`{${i}}`, arg); });
    return text;
  };
  t.term = (word) => (lang === 'en' ? word : zhTerms[word] ?? word);
  t.lang = lang;
  t.date = (value) => (value ? new Date(value).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) : '');
  t.duration = (ms) => {
    const total = Math.floor(Math.abs(ms) / 60000);
    const days = Math.floor(total / 1440);
    const hours = Math.floor((total % 1440) / 60);
    const minutes = total % 60;
    if (lang === 'en') return `${days ? `${days}d ` : ''}${hours}h ${minutes}m`;
    return `${days ? `${days}天` : ''}${hours}小时${minutes}分`;
  };
  return t;
}
