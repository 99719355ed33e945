/**
 * The Chinese of the clinical and evaluation commands' help (abpm, bp, care, deid, eval, guard, kb, renal, risk,
 * rx, text), keyed by the English as registered; help-zh.ts merges it with the rest.
 */
export const HELP_ZH_COMMANDS: Readonly<Record<string, string>> = {
  // shared
  'acc-aha-2017|esh-2023|china-2018|china-2024': '指南：acc-aha-2017|esh-2023|china-2018|china-2024',
  'read one JSON object of options per stdin line': '从标准输入逐行读取 JSON 格式的选项，每行一个',
  'JSON file, or - for standard input': 'JSON 文件，或 - 表示标准输入',
  'admin|clinician|nurse|pharmacist|auditor|patient':
    '角色：admin|clinician|nurse|pharmacist|auditor|patient',
  'print the results as JSON': '以 JSON 输出结果',
  'print the full result as JSON': '以 JSON 输出完整结果',
  'print JSON': '以 JSON 输出',
  'collection name': '知识库集合名',
  'files or folders': '文件或文件夹',
  'female|male': '性别：female|male',
  // abpm
  'CSV device export, or FHIR JSON/NDJSON with Observations marked ambulatory (method SNOMED CT 164783007)':
    '设备导出的 CSV，或 FHIR JSON/NDJSON（Observation 的测量方法标为动态血压，SNOMED CT 164783007）',
  "the patient's time zone for day and night": '划分白天和夜间所用的患者时区',
  'office SBP (with --office-dbp: white-coat/masked phenotype)':
    '诊室收缩压（与 --office-dbp 一起用于判断白大衣或隐蔽性高血压）',
  'on antihypertensive treatment': '正在接受降压治疗',
  'evaluation time (default: current time)': '评估时间（默认当前时间）',
  // bp
  'Classify an office BP under a guideline': '按指南对诊室血压分级',
  'systolic BP': '收缩压',
  'diastolic BP': '舒张压',
  'acute target-organ damage (emergency vs urgency when severe)':
    '急性靶器官损害（重度升高时区分急症与亚急症）',
  'Assess a home BP file (FHIR Bundle/NDJSON, Open mHealth JSON or CSV)':
    '评估家庭血压文件（FHIR Bundle/NDJSON、Open mHealth JSON 或 CSV）',
  'input file': '输入文件',
  'local UTC offset for day boundaries (default: from the first reading)':
    '划分日期的 UTC 时差（默认取第一条读数的）',
  'age for the treatment target': '用于确定降压目标的年龄',
  'use the "if tolerated" target': '采用“可耐受时”的目标值',
  'read one JSON object of options (with "file") per stdin line':
    '从标准输入逐行读取 JSON 格式的选项（含 "file"），每行一个',
  // care
  'Engine triage of symptoms (zh/en free text) and a reading: emergency stop, urgent or none':
    '按症状（中英文自由文本）和读数分诊：急症、当日就医或无',
  'what the patient reports, e.g. "胸痛, 头痛"': '患者所述，如 "胸痛, 头痛"',
  'latest systolic reading': '最近一次收缩压',
  'latest diastolic reading': '最近一次舒张压',
  'time of the reading (default now)': '读数时间（默认现在）',
  'Guideline treatment proposal from a patient JSON file (TreatmentInput, see API.md)':
    '根据患者 JSON 文件给出指南治疗方案建议（TreatmentInput，见 API.md）',
  'JSON: {guideline, age, sex, bp:{sbp,dbp}, bpSource, conditions:{…}, labs:{…}, current:[…]}':
    'JSON 文件：{guideline, age, sex, bp:{sbp,dbp}, bpSource, conditions:{…}, labs:{…}, current:[…]}',
  'Send due measurement reminders to QIHUANG_CARE_WEBHOOK_URL now (for cron; the server also does it)':
    '立即向 QIHUANG_CARE_WEBHOOK_URL 发送到期的测量提醒（供定时任务使用；服务器也会自动发送）',
  // deid
  'UTF-8 text file, or - for standard input': 'UTF-8 文本文件，或 - 表示标准输入',
  'print {shiftDays, spans: [{type, start, end, text, replacement}], text} as JSON':
    '以 JSON 输出 {shiftDays, spans: [{type, start, end, text, replacement}], text}',
  'seed of the date shift (default: random, as for every gateway request)':
    '日期平移的随机种子（默认随机，与网关每次请求相同）',
  'names known to belong to the patient (replaced wherever they appear)':
    '已知属于患者的姓名（出现处一律替换）',
  // eval
  'Run a suite against a gateway model or virtual model (same gateway configuration as the server)':
    '用评测集测试网关模型或虚拟模型（网关配置与服务器相同）',
  'data file to load as the suite': '作为评测集载入的数据文件',
  'format of --file: cmexam|medqa|pubmedqa|jsonl|mie|aci|suite':
    '--file 的格式：cmexam|medqa|pubmedqa|jsonl|mie|aci|suite',
  'built-in suite: safety-redteam|hallucination-probes|rubric-conversations':
    '内置评测集：safety-redteam|hallucination-probes|rubric-conversations',
  'gateway model or virtual model, e.g. clinical-copilot (default QIHUANG_MODEL_NAME)':
    '网关模型或虚拟模型，如 clinical-copilot（默认 QIHUANG_MODEL_NAME）',
  'one-off OpenAI-compatible endpoint instead of the gateway configuration':
    '临时使用的 OpenAI 兼容接口，不用网关配置',
  'where --base-url runs: on-premises|cloud (cloud prompts are de-identified)':
    '--base-url 的部署位置：on-premises|cloud（发往云端的提示词先去标识化）',
  'grader model for rubric items (and optional safety criteria)':
    '评分模型，用于评分细则题（及可选的安全标准）',
  'one-off endpoint for the grader (default: through the gateway)': '评分模型临时使用的接口（默认经网关）',
  'requests in flight': '同时进行的请求数',
  'only the first N items': '只测前 N 题',
  'sampling temperature (default 0)': '采样温度（默认 0）',
  'sampling seed sent to the model (default 20261126)': '发给模型的采样种子（默认 20261126）',
  'continue a stopped run (same suite); finished items are not asked again':
    '继续已中断的评测（同一评测集），已完成的题不再重问',
  'free label stored with the run': '随评测保存的自由标签',
  'ask every item even when an identical result is stored': '即使已存有相同结果也逐题重问',
  'Report of a run: metrics with 95 % bootstrap CIs per category and subgroup, worst items':
    '评测报告：按类别和亚组给出指标及 95% bootstrap 置信区间，列出最差的题',
  'run id': '评测 id',
  'JSON report': 'JSON 格式报告',
  'one CSV row per item': '每题一行 CSV',
  'worst items to show': '显示最差题目的数量',
  'Compare two runs item by item (McNemar for accuracy, paired bootstrap otherwise); alerts on regressions':
    '逐题比较两次评测（准确率用 McNemar 检验，其余用配对 bootstrap）；出现退步时提示',
  'baseline run id': '基线评测 id',
  'new run id': '新评测 id',
  'regression threshold as a fraction': '判为退步的阈值（比例）',
  'List the built-in suites': '列出内置评测集',
  // guard
  'Check FILE = {"answer", "passages": [{id,title,text}], "patient"?, "guideline"?}; passages are cited as [id]':
    '核查 FILE = {"answer", "passages": [{id,title,text}], "patient"?, "guideline"?}；段落以 [id] 引用',
  'what a contradicted claim does: block|annotate|revise (revise needs a model; here it annotates)':
    '与依据矛盾的陈述如何处理：block|annotate|revise（revise 需要模型，此处按 annotate 处理）',
  // kb
  'Add (or update) documents in a collection (.md .txt .html .pdf .docx, files or folders)':
    '向集合添加（或更新）文档（.md .txt .html .pdf .docx，文件或文件夹）',
  'collection name (created when missing)': '集合名（不存在时创建）',
  'roles that may search a new collection, comma-separated (admin|clinician|nurse|pharmacist|auditor|patient|service)':
    '可检索新集合的角色，逗号分隔（admin|clinician|nurse|pharmacist|auditor|patient|service）',
  'API key ids that may search a new collection, comma-separated': '可检索新集合的 API 密钥 id，逗号分隔',
  'description of a new collection': '新集合的说明',
  'Search the knowledge base; passages come with citation data (id, document, section, page)':
    '检索知识库；结果段落附出处信息（id、文档、章节、页码）',
  'question or keywords (Chinese or English)': '问题或关键词（中文或英文）',
  'limit to these collections': '只在这些集合中检索',
  'number of passages (1–100)': '返回段落数（1–100）',
  'List collections (with --docs: the documents of one collection)':
    '列出集合（用 --docs：列出某集合的文档）',
  'show the documents of this collection': '显示该集合的文档',
  'Delete a document (and its chunks) from a collection': '从集合中删除文档（及其分块）',
  'Import a locally obtained copy of the QASystemOnMedicalKG disease graph (dict/*.txt, data/medical.json); not shipped: no licence':
    '导入自行获取的 QASystemOnMedicalKG 疾病图谱副本（dict/*.txt、data/medical.json）；因无许可证不随附',
  'folder holding dict/ and/or data/medical.json': '含 dict/ 和/或 data/medical.json 的文件夹',
  'Load the shipped packs: hypertension guideline summary and drug monographs':
    '载入随附的资料包：高血压指南摘要和药品说明',
  // renal
  'eGFR by CKD-EPI 2021 (race-free) with KDIGO G stage':
    'CKD-EPI 2021 公式（不含种族）计算 eGFR 及 KDIGO G 分期',
  'serum creatinine': '血肌酐',
  'mg/dL|umol/L': '单位：mg/dL|umol/L',
  'Creatinine clearance by Cockcroft–Gault': 'Cockcroft–Gault 公式计算肌酐清除率',
  'body weight (kg)': '体重（kg）',
  // risk
  '10-year ASCVD risk, 2013 Pooled Cohort Equations': '10 年 ASCVD 风险，2013 年汇总队列方程（PCE）',
  'white|african-american|other': '种族：white|african-american|other',
  'total cholesterol': '总胆固醇',
  '10-year total CVD / ASCVD / HF risk, AHA PREVENT base models':
    '10 年总心血管病、ASCVD 和心衰风险，AHA PREVENT 基础模型',
  'enables the HF model': '启用心衰模型',
  'China 2018 hypertension risk stratification (中国高血压防治指南 2018)': '中国高血压防治指南 2018 危险分层',
  'diabetes without complications': '糖尿病（无并发症）',
  'established CVD': '已有心血管病',
  'China-PAR (Yang 2016): not implemented, its coefficients are not verified':
    'China-PAR（Yang 2016）：未实现，其系数未经核实',
  // rx
  'Review draft medication orders in a CDS Hooks request (with prefetch) or a FHIR Bundle':
    '审核 CDS Hooks 请求（含 prefetch）或 FHIR Bundle 中的待签医嘱',
  'JSON file: CDS Hooks request with prefetch, or FHIR Bundle with Patient + draft MedicationRequests':
    'JSON 文件：含 prefetch 的 CDS Hooks 请求，或含 Patient 和待签 MedicationRequest 的 FHIR Bundle',
  'JSON output: {"findings": [...]}': 'JSON 输出：{"findings": [...]}',
  'minimum severity: info|warning|critical': '最低严重程度：info|warning|critical',
  'reference time for age (default: now)': '计算年龄的参考时间（默认现在）',
  // text
  'Concepts with codes, span and modifiers (negated, historical, hypothetical, experiencer, uncertain)':
    '临床概念及其编码、位置和修饰语（否定、既往、假设、他人、不确定）',
  'the message, e.g. "无缘无故胸口疼，高压190低压125"': '患者的话，如 "无缘无故胸口疼，高压190低压125"',
  'NDJSON file (or - for stdin): one {"text": "…", "id"?: …} per line; one JSON result per line':
    'NDJSON 文件（或 - 表示标准输入）：每行一个 {"text": "…", "id"?: …}；每行输出一个 JSON 结果',
};
