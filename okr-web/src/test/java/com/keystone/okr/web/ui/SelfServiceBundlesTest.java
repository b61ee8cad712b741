package com.keystone.okr.web.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keystone.okr.domain.BundleParity;
import com.keystone.okr.web.cycle.CarryOverReport.Reason;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * The bundles of the KPI editor and the carry-over (loaded by their pages, not faces-config.xml)
 * name the same keys in English and Brazilian Portuguese; every reason of a carry-over report reads
 * in both.
 */
class SelfServiceBundlesTest {

    @Test
    void theKpiEditorsLabelsAreInBothLanguages() {
        assertAll(BundleParity.checks("i18n/kpiedit", false));
    }

    @Test
    void theCarryOversTextsAreInBothLanguagesWithTheSamePlaceholders() {
        assertAll(BundleParity.checks("i18n/carry", true));
    }

    @Test
    void everySkippedOrNotedReasonHasASentence() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("pt-BR")}) {
            ResourceBundle carry = ResourceBundle.getBundle("i18n.carry", locale);
            for (Reason r : Reason.values()) {
                String key = r == Reason.START_KEPT ? "note.START_KEPT.reached" : r.ordinal() < 3 ? "skip." + r : "note." + r;
                assertEquals(true, carry.containsKey(key), key + " in " + locale);
            }
        }
    }
}
