/** UI texts of this feature (merged into the dictionaries in web/i18n.ts); English mirrors the Chinese keys. */
export const workbenchZh = {
  workbench: {
    title: "工作台",
    org: "所属机构",
    roles: "岗位角色",
    modules: "我的功能",
    staffAdmin: "工作人员管理",
    staffAdminDesc: "管理本机构及下级机构的工作人员和岗位角色",
    personLookup: "人口信息查询",
    personLookupDesc: "为办理业务查询人口信息，查询将记录并告知本人",
    security: "账号安全",
    totp: "动态口令（双因素认证）",
    totpOn: "已开启",
    totpOff: "未开启",
    totpSetup: "开启动态口令",
    totpScan: "请在身份验证器中添加以下密钥，然后输入生成的 6 位验证码：",
    totpConfirm: "确认开启",
    totpEnabled: "动态口令已开启，下次登录时需要输入验证码",
  },
};
