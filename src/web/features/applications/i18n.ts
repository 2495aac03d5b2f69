/** UI texts of this feature (merged into the dictionaries in web/i18n.ts); English mirrors the Chinese keys. */
export const applicationsZh = {
  window: { title: "窗口收件", toolDesc: "为到窗口办事的群众代为提交申请，收受分离", lookup: "证件号码", lookupButton: "核验身份", person: "申请人", item: "办理事项", submit: "提交并打印回执", consent: "申请人已同意：由政府部门共享其电子证照和基础库数据，代替提交已有材料（每次调取都记入其数据使用记录）", hint: "输入申请人身份证号码核验身份（查询将记入数据使用记录）；全市通办事项可在本窗口收件，由有权部门办理。", searchItem: "搜索事项名称" },
  docs: { print: "打印", back: "返回", receipt: "受理回执", acceptance: "受理通知书", supplement: "补正告知书", rejection: "不予受理决定书", decision: "决定书", title: "文书", chineseOnly: "文书以中文出具，以中文文本为准。" },
  materials: { stillMissing: "还缺 {{count}} 份材料：{{names}}。请上传后再提交，缺少的材料审核时需要补正。", complete: "所需材料已齐全（由政府部门共享的无需上传）。", missingTitle: "还缺 {{count}} 份材料", missingText: "{{names}}。这些材料须上传后才能提交。", promiseText: "本事项实行告知承诺制：您可以书面承诺已符合办理条件，并在规定期限内补交：{{names}}。承诺不实的，将依法撤销办理结果并记入信用记录。", promiseSubmit: "承诺并提交", goUpload: "去上传", upload: "上传", uploaded: "已上传：{{name}}", view: "查看文件", none: "本事项无需提交材料", remove: "移除", toFix: "需补正", title: "申请材料", shared: "已由政府部门共享，无需提交", sharedBy: "将调用：{{what}}" },
  selfRole: { legend: "本人担任", hint: "您本人担任的，勾选后按您的实名信息自动填写，不能修改；不是本人担任的，请在表中填写。", role_legalRep: "法定代表人", role_shareholder: "股东", role_taxOfficer: "办税人员", role_contact: "经办人（联系人）", busy: "正在填写…" },
  prefill: {
    title: "授权使用您在政府部门的数据",
    text: "经您同意，{{org}}将通过数据共享调取人口库、法人库和电子证照库中与本事项有关的信息，为您预填申请表，并以电子证照代替您已有的材料。每次调取都会记录，您可以在“我的数据使用记录”中查看。",
    agree: "同意并自动填写",
    decline: "不同意，我自己填写",
    declinedTitle: "您选择了自行填写",
    declinedText: "请手工填写申请表并上传全部材料。如改变主意，可随时授权自动填写。",
    done: "已为您预填 {{n}} 项信息，{{m}} 份材料无需提交。请核对后提交。",
    missing: "以下信息未能从政府数据中获取，请您填写：{{fields}}",
    from: "来自 {{registry}} · {{org}}",
    updated: "（更新于 {{date}}）",
    authoritative: "权威数据，不可修改；如有错误请向数据来源部门申请更正",
    conflict: "注意：{{registry}} · {{org}} 记录的是“{{value}}”，与上面的值不一致",
  },
  appd: { title: "办件", done: "已办理", beyondCalendar: "超出已配置的工作日历，需人工确定", supplementAsked: "请按以下要求补正后重新提交（补正期间不计入办理时限）", supplementItems: "需补正的内容", timeline: "办理过程", form: "申请表", noMaterials: "未上传电子材料", stepDeadline: "本环节办理期限", shared: "免提交材料（{{n}} 份）", sharedTag: "已由政府部门共享，无需提交", generated: "系统生成的材料（{{n}} 份）", generatedHint: "以下材料由系统根据申请表生成并加盖电子印章，无需另行提交。", generatedTag: "系统生成 · 已签章", view: "查看", viewOf: "查看{{name}}", download: "下载", prefilled: "申请人授权预填 {{n}} 项信息（来自政府部门共享数据）", registryEvidence: "{{element}}，已从{{source}}（{{org}}）核验", opinion: "办理意见（选填）", reasonRequired: "理由（必填）" },
  inbox: { title: "待办件", empty: "没有待办件", tab_pending: "待受理", tab_reviewing: "待审查", tab_deciding: "待决定", tab_supplement: "待补正", tab_all: "全部", tab_overdue: "已超期", tab_dueSoon: "即将到期", tab_mine: "我认领的", supervising: "您以效能监督身份查看本级政府各部门的办件：可查看和指派，不能办理。", search: "办件编号或申请人", channel: "申请渠道", channel_online: "网上申请", channel_window: "窗口申请", channel_mobile: "移动端", channel_agent: "帮办代办", applicant: "申请人", assignee: "经办人", claim: "认领", claimed: "已认领 {{number}}", prev: "上一页", next: "下一页", assign: "指派", assignTo: "指派给（工作人员账号 ID）", tool: "待办件", toolDesc: "本机构及下级机构办理的办件，按承诺期限排序", department: "部门", allDepartments: "全部部门", departmentOption: "{{name}}（在办 {{open}}，超期 {{overdue}}）" },
  apps: { title: "我的办件", empty: "您还没有办件", number: "办件编号", item: "事项", org: "办理部门", state: "状态", submittedAt: "提交日期", deadline: "承诺期限", light_green: "正常", light_yellow: "即将到期", light_red: "已超期", link: "我的办件" },
};
