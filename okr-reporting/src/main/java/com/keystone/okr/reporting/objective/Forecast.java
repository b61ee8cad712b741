package com.keystone.okr.reporting.objective;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * R5: where a key result's check-ins are heading. A least-squares line through
 * {@code points} check-ins (effective date, value), read at {@code at}, the cycle's end date.
 *
 * @param slopePerDay       the line's change of value per day
 * @param projectedValue    the line's value on {@code at}
 * @param projectedProgress R1 applied to the projected value
 */
public record Forecast(LocalDate at, int points, double slopePerDay, double projectedValue, double projectedProgress) implements Serializable {
}
