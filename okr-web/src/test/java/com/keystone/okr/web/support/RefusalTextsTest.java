package com.keystone.okr.web.support;

import static com.keystone.okr.web.support.WebText.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.web.security.AccessDeniedException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The services' refusals: English as the API has always said it, Portuguese for pages in pt_BR. */
class RefusalTextsTest {

    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    @Test
    void anUnknownKeyReadsInBothLanguages() {
        UnknownKeyException e = new UnknownKeyException("key result", "KR-9");

        assertEquals("There is no key result 'KR-9'.", e.getMessage());
        assertEquals("There is no key result 'KR-9'.", e.getMessage(Locale.ENGLISH));
        assertEquals("Não existe resultado-chave “KR-9”.", e.getMessage(PT_BR));
    }

    @Test
    void aStaleVersionReadsInBothLanguages() {
        StaleVersionException e = assertThrows(StaleVersionException.class,
                () -> Versions.check(text("subject.unit", "Acme/Sales"), 3L, 4));

        assertEquals("unit Acme/Sales was changed by someone else (version 4, you sent 3): reload it and apply your"
                + " change again.", e.getMessage());
        assertEquals("Outra pessoa já alterou este item (unidade Acme/Sales: versão 4, você enviou a versão 3):"
                + " recarregue a página e aplique sua alteração de novo.", e.getMessage(PT_BR));
    }

    @Test
    void aRefusedActionSaysWhoMayDoItInBothLanguages() {
        AccessDeniedException e = new AccessDeniedException(text("denied.lead", "Acme/Sales",
                text("action.overrideGrade", text("subject.objective", "SALES"))));

        assertEquals("Only a lead of Acme/Sales (or of a unit above it) or an administrator may override the grade of"
                + " objective SALES.", e.getMessage());
        assertEquals("Só um líder de Acme/Sales (ou de uma unidade acima dela) ou um administrador pode ajustar a nota"
                + " do objetivo SALES.", e.getMessage(PT_BR));
        assertEquals("Só um administrador pode criar unidades.",
                new AccessDeniedException(text("denied.admin", text("action.createUnits"))).getMessage(PT_BR));
    }

    @Test
    void aBadDateNamesTheFieldInThePagesWords() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Dates.parse("startDate", "soon"));

        assertEquals("startDate 'soon' is not a date like 2026-11-20", e.getMessage());
        assertEquals("O campo data de início (“soon”) não é uma data como 2026-11-20", e.getMessage(PT_BR));
    }

    @Test
    void aBadEnumListsTheAllowedValuesInBothLanguages() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Enums.parse(com.keystone.okr.domain.kpi.UnitAggregation.class, "unitAggregation", "median"));

        assertEquals("unitAggregation 'median' is not one of SUM, AVG, MIN, MAX", e.getMessage());
        assertEquals("O campo agregação entre unidades (“median”) não é um destes valores: SUM, AVG, MIN, MAX",
                e.getMessage(PT_BR));
    }

    @Test
    void aMessageOnlyTheApiShowsStaysEnglish() {
        AccessDeniedException e = new AccessDeniedException("Only the importer may do this.");

        assertEquals("Only the importer may do this.", e.getMessage(PT_BR));
    }
}
