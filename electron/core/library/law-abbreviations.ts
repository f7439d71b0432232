// Abbreviations officials write for laws whose short title is still long. One table, used by
// citation detection and by every place a person types a law's name. Each entry maps the
// abbreviation to the law's short title (without 中华人民共和国); an entry whose law is not in the
// library simply finds nothing.

export const LAW_ABBREVIATIONS: Readonly<Record<string, string>> = {
  税收征管法: '税收征收管理法',
  民诉法: '民事诉讼法',
  行诉法: '行政诉讼法',
  刑诉法: '刑事诉讼法',
  个保法: '个人信息保护法',
  治安处罚法: '治安管理处罚法',
  道交法: '道路交通安全法',
  招投标法: '招标投标法',
  环保法: '环境保护法',
  消保法: '消费者权益保护法',
  食安法: '食品安全法',
  地方组织法: '地方各级人民代表大会和地方各级人民政府组织法',
  代表法: '全国人民代表大会和地方各级人民代表大会代表法',
  选举法: '全国人民代表大会和地方各级人民代表大会选举法',
  网安法: '网络安全法',
  数安法: '数据安全法',
};
