/**
 * Every error code the API can return, with its HTTP status and the message shown to users.
 * The domain raises codes; the HTTP layer alone maps them to statuses (see server/http/error-handler.ts).
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: "提交的信息有误，请检查后重试", en: "The submitted data is invalid" },
  MALFORMED_JSON: { status: 400, zh: "请求内容不是有效的 JSON", en: "The request body is not valid JSON" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: "不支持的请求内容类型", en: "Unsupported content type" },
  PAYLOAD_TOO_LARGE: { status: 413, zh: "提交的内容过大", en: "The request body is too large" },
  ID_NUMBER_FORMAT: { status: 400, zh: "身份证号码应为 18 位，最后一位可以是数字或 X", en: "An ID number has 18 characters; the last may be a digit or X" },
  ID_NUMBER_BIRTHDATE: { status: 400, zh: "身份证号码中的出生日期无效", en: "The birth date in the ID number is not valid" },
  ID_NUMBER_CHECKSUM: { status: 400, zh: "身份证号码校验位不正确，请核对后重新输入", en: "The ID number's check digit is wrong; please check it" },
  CREDIT_CODE_FORMAT: { status: 400, zh: "统一社会信用代码格式不正确", en: "The unified social credit code is malformed" },
  CREDIT_CODE_CHECKSUM: { status: 400, zh: "统一社会信用代码校验位不正确", en: "The unified social credit code's check character is wrong" },
  MOBILE_FORMAT: { status: 400, zh: "手机号码格式不正确", en: "The mobile number is not valid" },
  PASSWORD_TOO_WEAK: { status: 400, zh: "密码至少 8 位，且须同时包含字母和数字", en: "A password needs at least 8 characters with letters and digits" },
  REAL_NAME_MISMATCH: { status: 422, zh: "姓名与身份证号码不一致，或不在人口信息库中，无法完成实名核验", en: "The name and ID number do not match the population registry" },
  ACCOUNT_EXISTS: { status: 409, zh: "该身份证号码已注册，请直接登录", en: "An account already exists for this ID number; please log in" },
  MOBILE_TAKEN: { status: 409, zh: "该手机号码已被其他账号使用", en: "This mobile number is used by another account" },
  USERNAME_TAKEN: { status: 409, zh: "该用户名已被使用", en: "This username is already taken" },
  INVALID_CREDENTIALS: { status: 401, zh: "账号或密码不正确", en: "Wrong account or password" },
  ACCOUNT_LOCKED: { status: 429, zh: "登录失败次数过多，账号已临时锁定，请稍后再试", en: "Too many failed logins; the account is locked for a while" },
  ACCOUNT_DISABLED: { status: 403, zh: "账号已停用，请联系管理员", en: "This account is disabled" },
  TOTP_REQUIRED: { status: 401, zh: "请输入动态验证码", en: "Enter your one-time code" },
  TOTP_INVALID: { status: 401, zh: "动态验证码不正确", en: "The one-time code is wrong" },
  RATE_LIMITED: { status: 429, zh: "请求过于频繁，请稍后再试", en: "Too many requests; please try again later" },
  UNAUTHENTICATED: { status: 401, zh: "请先登录", en: "Please log in" },
  CSRF_TOKEN_INVALID: { status: 403, zh: "页面已过期，请刷新后重试", en: "The page has expired; reload and try again" },
  FORBIDDEN: { status: 403, zh: "您没有执行此操作的权限", en: "You are not allowed to do this" },
  NOT_FOUND: { status: 404, zh: "请求的资源不存在", en: "Not found" },
  ORG_NOT_FOUND: { status: 404, zh: "机构不存在", en: "Organisation not found" },
  STAFF_NOT_FOUND: { status: 404, zh: "工作人员不存在", en: "Staff member not found" },
  STAFF_CHANGED: { status: 409, zh: "该记录已被他人修改，请刷新后再试", en: "Someone else changed this record; reload and try again" },
  ENTERPRISE_NOT_FOUND: { status: 404, zh: "企业不存在", en: "Enterprise not found" },
  NOT_LEGAL_REPRESENTATIVE: { status: 403, zh: "只有法定代表人可以办理此项", en: "Only the legal representative can do this" },
  AGENT_NOT_REGISTERED: { status: 422, zh: "被授权人尚未实名注册，请其先注册", en: "The agent must register with their real name first" },
  AGENT_EXPIRY_INVALID: { status: 400, zh: "授权截止日期须晚于今天", en: "The authorisation must end after today" },
  AGENT_NOT_FOUND: { status: 404, zh: "授权记录不存在", en: "Authorisation not found" },
  NOT_AUTHORISED_FOR_ENTERPRISE: { status: 403, zh: "您未获得该企业的有效授权", en: "You hold no valid authorisation for this enterprise" },
  PERSON_NOT_FOUND: { status: 404, zh: "人口信息库中没有该人员", en: "No such person in the population registry" },
  PURPOSE_REQUIRED: { status: 400, zh: "查询个人信息须说明用途", en: "State the purpose of reading personal data" },
  ITEM_NOT_FOUND: { status: 404, zh: "该事项不存在或尚未发布", en: "No such published service" },
  POLICY_NOT_FOUND: { status: 404, zh: "该政策文件不存在", en: "No such policy document" },
  BASIC_CODE_INVALID: { status: 400, zh: "基本编码格式不正确：应为 2 位事项类型代码 + 5 位主项码 + 3 位子项码，如 XK00001001", en: "A basic code is a 2-letter kind, 5 digits and 3 digits, e.g. XK00001001" },
  BASIC_CODE_TAKEN: { status: 409, zh: "该基本编码已被使用", en: "This basic code is already used" },
  BASIC_CODE_UNKNOWN: { status: 404, zh: "基本目录中没有该编码的事项", en: "No base item with this code" },
  ORG_CANNOT_IMPLEMENT: { status: 400, zh: "该机构不能作为实施机构（请选择部门、街镇或村居）", en: "This organisation cannot implement services" },
  ITEM_EXISTS: { status: 409, zh: "该机构已实施此事项", en: "This organisation already implements this service" },
  IMPORT_INVALID: { status: 422, zh: "导入文件有错误，未导入任何内容；请按报告逐项修改后重新导入", en: "The workbook has errors; nothing was imported" },
  UPLOAD_TYPE_INVALID: { status: 415, zh: "文件类型不正确，请上传 .xlsx 工作簿", en: "Upload an .xlsx workbook" },
  ANSWER_NOT_FOUND: { status: 404, zh: "该问答不存在", en: "No such answer" },
  NOT_CITYWIDE: { status: 422, zh: "该事项不属于全市通办事项，请到所属区的服务中心办理", en: "This service is not available across districts" },
  APPLICATION_NOT_FOUND: { status: 404, zh: "办件不存在", en: "No such application" },
  APPLICATION_CHANGED: { status: 409, zh: "该办件已被他人处理，请刷新后查看最新状态", en: "Someone else acted on this application; reload it" },
  FORM_DATA_INVALID: { status: 400, zh: "申请表填写有误，请按提示修改", en: "The application form has errors" },
  FILE_EMPTY: { status: 400, zh: "上传的文件是空的", en: "The uploaded file is empty" },
  FILE_TOO_LARGE: { status: 413, zh: "文件过大，单个文件不得超过 10 MB", en: "The file is too large" },
  FILE_TYPE_NOT_ALLOWED: { status: 415, zh: "只能上传 JPG、PNG 图片或 PDF 文件", en: "Only JPEG, PNG or PDF files may be uploaded" },
  FILE_TYPE_MISMATCH: { status: 415, zh: "文件内容与文件类型不符，请上传真实的图片或 PDF 文件", en: "The file's content does not match its type" },
  FILE_NOT_FOUND: { status: 404, zh: "文件不存在", en: "No such file" },
  FILE_CORRUPTED: { status: 500, zh: "文件已损坏，请联系管理员", en: "The stored file is damaged" },
  MATERIAL_INVALID: { status: 400, zh: "申请材料有误，请按提示修改", en: "The attached materials are invalid" },
  APPLICATION_CLAIMED: { status: 409, zh: "该办件已由其他工作人员认领", en: "Another staff member has claimed this application" },
  ASSIGNEE_INVALID: { status: 400, zh: "只能指派给本部门有权办理当前环节的工作人员", en: "The assignee must be staff of the handling department who may act at this step" },
  DOCUMENT_NOT_AVAILABLE: { status: 404, zh: "该文书尚未生成（办件还未到这一步）", en: "This document does not exist for the application yet" },
  DRAFT_NOT_FOUND: { status: 404, zh: "没有保存的草稿", en: "No saved draft" },
  DRAFT_CHANGED: { status: 409, zh: "草稿已在其他设备上更新，请刷新后继续", en: "The draft was changed on another device; reload it" },
  IDEMPOTENCY_KEY_REUSED: { status: 422, zh: "该请求标识已用于另一份申请", en: "This Idempotency-Key was used for a different application" },
  SYNONYM_NOT_FOUND: { status: 404, zh: "该同义词不存在", en: "No such synonym" },
  VERSION_NOT_FOUND: { status: 404, zh: "该版本不存在", en: "No such version" },
  DRAFT_EXISTS: { status: 409, zh: "该事项已有未发布的草稿或待审核版本，请在其基础上修改", en: "This service already has an open draft or a version in review" },
  VERSION_CHANGED: { status: 409, zh: "该草稿已被他人修改，请刷新后再试", en: "Someone else changed this draft; reload and try again" },
  VERSION_NOT_EDITABLE: { status: 409, zh: "只有草稿可以修改；待审核的版本请先撤回", en: "Only drafts can be edited; withdraw a version in review first" },
  ACTION_NOT_ALLOWED: { status: 409, zh: "当前状态下不能执行此操作", en: "This action is not allowed in the current state" },
  SAME_REVIEWER: { status: 403, zh: "不能审核自己提交的版本，请由其他人员审核", en: "You cannot review a version you submitted" },
  REASON_REQUIRED: { status: 400, zh: "请填写退回理由", en: "Give a reason" },
  ITEM_CONTENT_INVALID: { status: 400, zh: "事项内容有误，请按提示修改", en: "The service content is invalid" },
  FORM_SCHEMA_INVALID: { status: 400, zh: "表单配置有误，请按提示修改", en: "The form schema is invalid" },
  INTERNAL: { status: 500, zh: "系统繁忙，请稍后再试", en: "Something went wrong on our side; please try again" },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export type Lang = "zh" | "en";

/** The body every failed API call returns. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return ERRORS[code][lang];
}
