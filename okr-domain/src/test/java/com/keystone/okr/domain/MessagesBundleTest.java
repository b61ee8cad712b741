package com.keystone.okr.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The refusals' bundle: English and Portuguese name the same texts, with the same arguments. */
class MessagesBundleTest {

    private static final String BASE = "com/keystone/okr/domain/messages";
    static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    @Test
    void englishAndPortugueseNameTheSameTextsWithTheSameArgumentsInValidPatterns() {
        assertAll(BundleParity.checks(BASE, true));
    }

    @Test
    void fieldAndStateLabelsReadInEnglishAsTheTechnicalNames() {
        Properties en = BundleParity.load(BASE + ".properties");
        List<Executable> checks = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            if (key.startsWith("field.") || Character.isUpperCase(key.charAt(0))) {
                checks.add(() -> assertEquals(key.substring(key.indexOf('.') + 1), en.getProperty(key), key));
            }
        }
        assertAll(checks);
    }

    @Test
    void aRefusalReadsInPortugueseForPortugueseAndAsBeforeInEnglish() {
        InvalidInputException e = new InvalidInputException("target",
                DomainText.text("keyResult.targetIsStart", "KR-1", "10", "10"));

        assertEquals("key result KR-1: target (10) must differ from start (10)", e.getMessage());
        assertEquals(e.getMessage(), e.getMessage(Locale.ENGLISH));
        assertEquals("Resultado-chave KR-1: a meta (10) não pode ser igual ao início (10)", e.getMessage(PT_BR));
    }

    @Test
    void fieldNamesAreTranslatedInsideTexts() {
        InvalidInputException e = new InvalidInputException("unit_of_measure",
                DomainText.text("checks.tooLong", DomainText.field("unit_of_measure"), 40));

        assertEquals("unit_of_measure is longer than 40 characters", e.getMessage());
        assertEquals("O campo unidade de medida tem mais de 40 caracteres", e.getMessage(PT_BR));
    }

    @Test
    void pagesInEnglishNameFieldsAsPeopleReadThemWhileTheApiKeepsTheTechnicalNames() {
        InvalidInputException e = new InvalidInputException("objective_key",
                DomainText.text("checks.required", DomainText.field("objective_key")));

        assertEquals("objective_key is required", e.getMessage(), "the API's text");
        assertEquals("objective key is required", e.getMessage(Locale.ENGLISH));
        assertEquals("objective key is required", e.getMessage(Locale.US));
    }

    @Test
    void aFieldNobodyTranslatedKeepsItsName() {
        Text t = DomainText.text("checks.required", DomainText.field("no_such_field"));

        assertEquals("no_such_field is required", t.english());
        assertEquals("O campo no_such_field é obrigatório", t.render(PT_BR));
    }

    @Test
    void apostrophesAndNumbersReadAsTheyDidBeforeTheBundle() {
        assertEquals("only a graded (closed) cycle's grades can be overridden", DomainText.text("grade.notGraded").english());
        assertEquals("kr_key 'a b' may only contain letters, digits, '.', '_' and '-', starting with a letter or digit",
                DomainText.text("checks.key", DomainText.field("kr_key"), "a b").english());
        assertEquals("confidence is a whole number from 1 to 10, was 12000", DomainText.text("checkIn.confidence", 12000).english());
    }

    @Test
    void englishDoesNotDependOnTheServersDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(PT_BR);
            assertEquals("cycle 2026-Q4 is already closed", DomainText.text("cycle.alreadyClosed", "2026-Q4").english());
            assertNotEquals("cycle 2026-Q4 is already closed", DomainText.text("cycle.alreadyClosed", "2026-Q4").render(PT_BR));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aRefusalWithoutATextIsEnglishInEveryLanguage() {
        InvalidInputException e = new InvalidInputException("body", "a JSON body is required");

        assertEquals("a JSON body is required", e.getMessage(PT_BR));
    }
}
