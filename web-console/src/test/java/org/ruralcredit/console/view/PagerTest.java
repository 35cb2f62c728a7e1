package org.ruralcredit.console.view;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagerTest {

    @Test
    void aPageNumberFromAnAddressIsANumberInRangeOrTheFirstPage() {
        assertEquals(3, Pager.number("3"));
        assertEquals(0, Pager.number(null));
        assertEquals(0, Pager.number("-2"));
        assertEquals(0, Pager.number("三"));
        assertEquals(100_000, Pager.number("999999"));
    }

    @Test
    void countsPagesAndStepsBetweenThem() {
        Pager pager = Pager.of(45, 1, 20);
        assertEquals(3, pager.pages());
        assertEquals(2, pager.number());
        assertEquals(0, pager.previous());
        assertEquals(2, pager.next());
        assertEquals(2, pager.last());
        assertTrue(pager.hasPrevious() && pager.hasNext());
        assertEquals(
                List.of("first", "previous", "next", "last"),
                pager.steps().stream().map(Pager.Step::id).toList());
    }

    @Test
    void anEmptyListIsOnePageWithNowhereToGo() {
        Pager pager = Pager.of(0, 0, 20);
        assertEquals(1, pager.pages());
        assertFalse(pager.hasPrevious());
        assertFalse(pager.hasNext());
        assertTrue(pager.steps().stream().noneMatch(Pager.Step::enabled));
    }

    @Test
    void thePageAfterTheLastLeadsBackIntoTheList() {
        Pager pager = Pager.of(40, 5, 20);
        assertTrue(pager.beyond());
        assertEquals(1, pager.previous(), "上一页 goes to the last page that exists");
        assertEquals(1, pager.next());
    }

    @Test
    void exactlyFullPagesHaveNoEmptyPageAfterThem() {
        assertEquals(2, Pager.of(40, 0, 20).pages());
        assertEquals(3, Pager.of(41, 0, 20).pages());
    }
}
