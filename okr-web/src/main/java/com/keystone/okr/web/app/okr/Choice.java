package com.keystone.okr.web.app.okr;

import java.io.Serializable;

/** One entry of a drop-down: the value sent, the label shown. */
public record Choice(String value, String label) implements Serializable {
}
