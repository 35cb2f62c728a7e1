package org.ruralcredit.commons.problem.codes;

import java.util.List;

import org.ruralcredit.commons.problem.ProblemCode;

/** Codes morality-score answers. Texts in {@code morality.properties} and {@code morality_zh_CN.properties} beside this class. */
public enum MoralityCodes implements ProblemCode {
    ;

    private final String code;
    private final int status;
    private final String type;
    private final List<String> args;

    MoralityCodes(String code, int status, String type, String... args) {
        this.code = code;
        this.status = status;
        this.type = type;
        this.args = Codes.args(args);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public List<String> args() {
        return args;
    }
}
