package com.keystone.okr.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Every page's address says which cycle and "as of" date it shows: the header's choices put them
 * in the address bar, the page's links keep them, and a link sent to someone else opens what the
 * sender saw, whatever the reader looked at last.
 */
@ExtendWith(BrowserExtension.class)
class PageAddressIT {

    @Test
    void aLinkToTheReviewOfAPastQuarterAsOfADateOpensThatQuarterAndDateForItsReader(Browser sender, Browser reader,
                                                                                      Api api) {
        String closed = api.closedCycle();
        String current = api.currentCycle();

        sender.signInAs("hr");
        assertEquals("cycle=" + current, query(sender), "the address bar names the cycle shown, even after signing in");

        // the header's choices go into the address
        sender.choose("context:cycle", closed, true);
        assertEquals("cycle=" + closed, query(sender));
        String day = LocalDate.now().minusDays(3).toString();
        WebElement asOf = sender.clickable(By.id("context:asOf_input"));
        asOf.clear();
        asOf.sendKeys(day, Keys.TAB);
        sender.until("the page shows " + day, d -> sender.has(By.id("history")));
        sender.settle();
        assertEquals("cycle=" + closed + "&asOf=" + day, query(sender));

        // the menu's links keep them
        sender.clickToNewPage(By.id("nav:m-review"));
        assertEquals("/app/review.xhtml", sender.path());
        assertEquals("cycle=" + closed + "&asOf=" + day, query(sender));
        String link = sender.driver().getCurrentUrl();

        // the reader looks at today's quarter, then opens the link: the sender's quarter and date
        reader.signInAs("admin");
        reader.go("/app/review.xhtml");
        assertEquals("cycle=" + current, query(reader));
        assertFalse(reader.has(By.id("history")), "the reader starts today");
        reader.driver().get(link);
        reader.settle();
        assertEquals("/app/review.xhtml", reader.path());
        assertTrue(reader.text(By.id("history")).contains(day), "the sender's date: " + reader.text(By.id("history")));
        assertEquals(closed, reader.text(By.id("context:cycle_label")), "the sender's cycle in the header");

        // an objective's page keeps its own parameter beside them
        reader.go("/app/objective.xhtml?key=MK-1&cycle=" + current);
        assertFalse(reader.has(By.id("history")), "an address without a date means today");
        assertEquals("key=MK-1&cycle=" + current, query(reader));
    }

    private static String query(Browser b) {
        return URI.create(b.driver().getCurrentUrl()).getQuery();
    }
}
