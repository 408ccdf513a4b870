export const returns = {
  notFound: (id: number) => `找不到报表（编号 ${id}）`,
  noProfile: '请先在“设置”中选择规划和填报单位',
  unknownUser: '未署名',
  locked: '报表已报送并锁定，不能修改。如需更正，请先将状态改回“草稿”。',
  unknownItem: (code: string) => `本报表的指标框架中没有 ${code}`,
  noSuchColumn: (name: string, sex: string) =>
    `“${name}”没有“${sex === 'female' ? '女' : sex === 'male' ? '男' : '合计'}”栏`,
  valueAndNoData: '一个单元格不能同时有数值和“无数据”标记',
  rawAndValue: '一个单元格不能同时有数值（或“无数据”标记）和待更正的文字',
  notExternal: (id: string) => `目标 ${id} 不是需要填写上级要求的目标`,
  hasErrors: (n: number) => `还有 ${n} 处错误，改正后才能标记为已校验`,
  hasPrefilled: (n: number) => `还有 ${n} 个沿用上年的数值未确认，请逐一核对或点击“确认沿用的上年数”`,
  unexplained: (n: number) => `还有 ${n} 条预警没有填写说明，报送前请逐条说明原因`,
  needsExplanation: '请填写预警说明',
  /** where an unexplained 预警 is: area · indicator (flags) */
  alertAt: (area: string, code: string, name: string, flags: string) => `${area} · ${code} ${name}（${flags}）`,
  reopenNeedsReason: '报表已报送，改回草稿须写明原因',
  acceptedLocked: (office: string) =>
    `${office}已审核通过这份报表（回执），不能改回草稿；如需更正，请先联系${office}，由其退回`,
  acceptedNoEdit: '报表已由上级审核通过（回执），不能修改；如需更正，请先联系上级，由其退回',
  /** who accepted, when the receipt names no office */
  office: '上级',
  reasonTooLong: '原因不超过 200 字',
  status: { draft: '草稿', checked: '已校验', submitted: '已报送', returned: '被退回', accepted: '审核通过' } as Record<
    string,
    string
  >,
  returned: {
    notReview: (file: string) => `“${file}”不是县级退回的报表（没有退回意见），请在“导入报表”中导入`,
    tampered: '文件中的退回意见在程序之外被改动过（校验码不符），不予导入；请向退回单位索取原文件',
    badRow: (where: string) =>
      `退回意见中的位置“${where}”在报表中找不到，文件可能被改动过，不予导入；请向退回单位索取原文件`,
    valuesChanged: '退回文件中的报表数值在退回后被改动过（校验码不符），不予导入；请向退回单位索取原文件',
    unreadable: (verdict: string) => `无法导入退回的报表：${verdict}`,
    otherUnit: (unit: string, year: number, own: string) =>
      `这是${unit}${year}年报表的退回意见，本机的填报单位是${own}，不予导入`,
    otherPlan: (plan: string) => `退回的报表属于规划“${plan}”，与本机的规划不同，不予导入`,
    noLocal: (unit: string, year: number) =>
      `本机没有${unit}${year}年的报表，无法显示退回意见；请在 Excel / WPS 中按批注改正后重新报送`,
    otherVersion:
      '退回的不是本机现有的报表版本（报出后本机的报表已修改过，或退回的是另一份文件），不予导入；请与退回单位核对',
    audit: (office: string, overall: string, n: number) =>
      `${office}退回：${overall || '（无总体意见）'}（单元格意见 ${n} 条）`,
    imported: (office: string, n: number) =>
      `已导入${office}的退回意见（${n} 条单元格意见），报表状态为“被退回”；请按意见改正后重新校验、报送`,
  },
  receipt: {
    decision: { accepted: '接收（审核通过）', returned: '退回' } as Record<string, string>,
    tooLarge: (file: string, kb: number) => `“${file}”大于 ${kb} KB，不是回执文件，不予导入`,
    notReceipt: (file: string) => `“${file}”不是回执文件（回执是县里导出的“…_回执.json”文件），不予导入`,
    badField: (where: string) => `回执内容不完整或格式不对（${where || '整体'}），不予导入；请向县里索取原文件`,
    tampered: '回执内容在程序之外被改动过（校验码不符），不予导入；请向县里索取原文件',
    unsigned: '回执没有县级的签名（可能是旧版程序出具的），不予导入；请县里用新版程序重新出具回执',
    badSignature: '回执的签名不符（内容被改动过，或不是用所附密钥签名的），不予导入；请向县里索取原文件',
    otherKey: (office: string, got: string, pinned: string, region: string) =>
      `回执是用另一把密钥签名的（回执密钥指纹 ${got}），本机认定的${region}签名密钥指纹是 ${pinned}；不能确认回执来自${office}，不予导入。请打电话与${region}核对密钥指纹`,
    pinnedNow: (office: string, fp: string) =>
      `；已认定${office}的签名密钥（指纹 ${fp}），以后只接受用这把密钥签名的回执和指标框架包，请打电话与${office}核对指纹`,
    otherUnit: (unit: string, year: number, own: string) =>
      `这是${unit}${year}年报表的回执，本机的填报单位是${own}，不予导入`,
    otherPlan: (plan: string) => `回执所指的报表属于规划“${plan}”，与本机的规划不同，不予导入`,
    noLocal: (unit: string, year: number) => `本机没有${unit}${year}年的报表，无法记录回执`,
    otherVersion:
      '回执所指的不是本机现有的报表版本（报出后本机的报表已修改过，或县里接收的是另一份文件），不予导入；请与县里核对',
    audit: (office: string, decision: string, date: string, remark: string) =>
      `${office}回执：${date}${decision === 'accepted' ? '接收（审核通过）' : '退回'}${remark ? `，意见：${remark}` : ''}`,
    imported: (office: string, decision: string, date: string) =>
      `已导入回执：${office}已于${date}${decision === 'accepted' ? '接收本报表（审核通过）' : '退回本报表'}`,
    again: (office: string, decision: string, date: string) =>
      `此回执已导入过：${office}已于${date}${decision === 'accepted' ? '接收本报表（审核通过）' : '退回本报表'}`,
    home: (office: string, date: string, decision: string) =>
      decision === 'accepted' ? `${office}已于${date}接收（审核通过）` : `${office}已于${date}退回`,
    importHeading: '导入回执',
    importIntro:
      '县里接收（审核通过）报表后会给一个回执文件（…_回执.json）。在此导入后，首页显示县里何时接收了本单位的报表。',
  },
};
