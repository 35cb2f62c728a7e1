package org.ruralcredit.console.view;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * Where a page of a long list stands: the count, this page (counted from 0 as the APIs do) and the
 * pages before and after it, for 首页/上一页/下一页/末页 and 第 x / y 页. Pure.
 */
@TemplateData
public record Pager(long total, int page, int size) {

    /** A page number from an address: 0 for anything that is not a number from 0 to 100,000. */
    public static int number(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(100_000, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static Pager of(long total, int page, int size) {
        return new Pager(Math.max(0, total), Math.max(0, page), Math.max(1, size));
    }

    /** Pages in all, at least 1 (an empty list is one empty page). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** This page as people count, from 1. */
    public int number() {
        return page + 1;
    }

    public int last() {
        return pages() - 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page < last();
    }

    public int previous() {
        return Math.max(0, Math.min(page - 1, last()));
    }

    public int next() {
        return Math.min(page + 1, last());
    }

    /** One button of the pager: 首页, 上一页, 下一页, 末页 ({@code key} names its words). */
    @TemplateData
    public record Step(String id, String key, int page, boolean enabled) {}

    public List<Step> steps() {
        return List.of(
                new Step("first", "pager.first", 0, hasPrevious()),
                new Step("previous", "pager.previous", previous(), hasPrevious()),
                new Step("next", "pager.next", next(), hasNext()),
                new Step("last", "pager.last", last(), hasNext()));
    }

    /** Past the end (the list shrank since the link was made). */
    public boolean beyond() {
        return page > last();
    }
}
