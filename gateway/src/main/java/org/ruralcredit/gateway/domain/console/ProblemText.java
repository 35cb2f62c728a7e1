package org.ruralcredit.gateway.domain.console;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The APIs' refusal messages in the console's language. The APIs speak English; a township
 * official reads Chinese. Each rule turns one of the APIs' message shapes into its Chinese
 * wording, keeping the values it names (a count, a limit, a date); a message no rule knows is
 * shown as the API wrote it rather than hidden.
 */
@ApplicationScoped
public class ProblemText {

    private record Rule(Pattern english, String chinese) {
    }

    private static Rule rule(String regex, String chinese) {
        return new Rule(Pattern.compile(regex), chinese);
    }

    private static final List<Rule> RULES = List.of(
            // resident IDs (GB 11643) and the file's cross-field rules
            rule("must be 18 characters: 17 digits and a check digit or X", "应为18位：17位数字加1位校验码（数字或X）"),
            rule("has no valid birth date in positions 7 to 14", "第7至14位不是有效的出生日期"),
            rule("has a birth date outside 1900 to today", "出生日期不在1900年至今天之间"),
            rule("has a wrong check digit \\(GB 11643\\)", "校验码错误（GB 11643），请核对身份证号"),
            rule("already belongs to another active household", "已在另一个在册农户中登记"),
            rule("is the same as members\\[(\\d+)\\]", "与第{n1}位成员的身份证号重复"),
            rule("does not agree with the resident ID \\(which says (.+)\\)", "与身份证号不一致（身份证号显示为 $1）"),
            rule("must contain exactly one member with relation HEAD \\(has (\\d+)\\)", "必须有且只有一位户主（现有 $1 位）"),
            rule("must be a mobile \\(11 digits\\) or fixed-line number", "应为11位手机号或固定电话号码"),
            rule("must be a 12-digit village division code", "应为12位村级区划代码"),
            rule("must be a 12-digit village code", "应为12位村级区划代码"),
            rule("is not an official village division code", "不是有效的村级统计区划代码"),
            rule("must be a 6-digit county or 9-digit township code", "应为6位县级或9位乡镇级区划代码"),
            rule("must be a county, township or village code", "应为县、乡镇或村级区划代码"),
            rule("must be a 6-digit county, 9-digit township or 12-digit village code", "应为6位县级、9位乡镇级或12位村级区划代码"),
            // the query register's refusals (a refused query is registered too)
            rule("Reports are queried only from a named person's account; this account is marked (\\w+)\\.",
                    "信用报告只能由实名账号查询；此账号为共用或系统账号（$1）。"),
            rule("The account belongs to no institution\\.", "此账号不属于任何机构。"),
            rule("Reports are queried only in working hours \\((.+)\\)\\.", "信用报告只能在工作时间查询（$1）。"),
            rule("No consent with this id exists\\.", "没有此编号的授权：查询前须先登记被查询人的书面授权。"),
            rule("The consent was given to another institution\\.", "该授权是给其他机构的。"),
            rule("The consent is about a (\\w+), not a (\\w+)\\.", "该授权的对象类型不符。"),
            rule("The consent was revoked\\.", "该授权已撤销。"),
            rule("The consent expired on (.+)\\.", "该授权已于 $1 过期。"),
            rule("The consent is valid from (.+)\\.", "该授权自 $1 起才有效。"),
            rule("The loan-application consent was already used for a query; one consent, one query\\.",
                    "贷款申请授权只能查询一次，已经使用过。"),
            rule("The consent is for (\\S+), the request states (\\S+)\\.", "授权用途与查询用途不一致。"),
            rule("A post-loan query needs an active \\(unsettled\\) loan of your institution with the subject\\.",
                    "贷后管理查询须本机构与被查询人有未结清的贷款。"),
            rule("The refused request is in the query register as entry (\\d+)\\.", "此次被拒绝的查询已记入查询登记簿（第 $1 条）。"),
            rule("The household file has (\\d+) problem\\(s\\); nothing was stored\\.", "档案有 $1 处问题，未保存任何内容。"),
            rule("Nothing was stored\\.", "未保存任何内容。"),
            // Bean Validation's own messages (Hibernate Validator, English)
            rule("must not be blank", "不能为空"),
            rule("must not be null", "必填"),
            rule("must not be empty", "不能为空"),
            rule("is required.*", "必填"),
            rule("size must be between (\\d+) and (\\d+)", "长度应在 $1 到 $2 之间"),
            rule("must be greater than or equal to (\\S+)", "不能小于 $1"),
            rule("must be less than or equal to (\\S+)", "不能大于 $1"),
            rule("must be greater than (\\S+)", "应大于 $1"),
            rule("must be a date in the past or in the present", "不能晚于今天"),
            rule("must be a past date", "应早于今天"),
            rule("must be a future date", "应晚于今天"),
            rule("must be a date in the present or in the future", "不能早于今天"),
            rule("has the wrong type or format", "格式不正确"),
            rule("is not a known field", "不是可接受的字段"),
            rule("is invalid", "无效"),
            rule("contains characters that are not allowed.*", "含有不允许的字符"),
            rule("must match .*", "格式不正确"));

    private static final Map<Integer, String> TITLES_ZH = Map.of(
            400, "提交的内容有误，请按提示修改",
            401, "登录已失效，请重新登录",
            403, "请求被拒绝",
            404, "未找到",
            409, "数据已被他人修改或状态不允许，请刷新后重试",
            413, "文件或内容过大",
            503, "服务暂时不可用，请稍后重试");

    /** {@code message} in {@code language} ("zh" or "en"). */
    public String message(String message, String language) {
        if (message == null || !"zh".equals(language)) {
            return message;
        }
        String text = message.strip();
        Matcher coded = CODED.matcher(text);
        String plain = coded.matches() ? coded.group(2) : text;
        String whole = translated(plain);
        if (whole != null) {
            return whole;
        }
        // a detail of several sentences: each known sentence in Chinese, the others as written
        String[] sentences = plain.split("(?<=\\.)\\s+");
        if (sentences.length < 2) {
            return message;
        }
        StringBuilder out = new StringBuilder();
        for (String sentence : sentences) {
            String zh = translated(sentence);
            out.append(zh != null ? zh : sentence + " ");
        }
        return out.toString().strip();
    }

    private static String translated(String sentence) {
        for (Rule rule : RULES) {
            Matcher m = rule.english().matcher(sentence);
            if (m.matches()) {
                return render(rule.chinese(), m);
            }
        }
        return null;
    }

    /** A refusal reason written as {@code code: sentence}. */
    private static final Pattern CODED = Pattern.compile("([a-z]+(?:-[a-z]+)+): (.+)");

    /** The page's heading for a refusal of this status; the API's own title in English. */
    public String title(int status, String apiTitle, String language) {
        if ("zh".equals(language)) {
            String zh = TITLES_ZH.get(status);
            if (zh != null) {
                return zh;
            }
            return status >= 500 ? TITLES_ZH.get(503) : "请求未被接受";
        }
        if (apiTitle != null) {
            return apiTitle;
        }
        return status >= 500 ? "The service is not available right now; try again shortly" : "Request refused";
    }

    /** {@code $n} is a group as written; {@code {nN}} is group N as a 1-based position (members[0] is 第1位). */
    private static String render(String template, Matcher m) {
        String out = template;
        for (int g = m.groupCount(); g >= 1; g--) {
            String value = m.group(g);
            if (out.contains("{n" + g + "}")) {
                out = out.replace("{n" + g + "}", String.valueOf(Integer.parseInt(value) + 1));
            }
            out = out.replace("$" + g, value);
        }
        return out;
    }
}
