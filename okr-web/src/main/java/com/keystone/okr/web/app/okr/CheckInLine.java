package com.keystone.okr.web.app.okr;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A check-in as the objective page lists it; the comment is the author's text and is always shown escaped. */
public record CheckInLine(LocalDate date, BigDecimal value, Integer confidence, String comment, String author,
                          Instant recordedAt) implements Serializable {
}
