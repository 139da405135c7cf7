package dev.yolotrain.engine.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literals that .npy headers use: dicts, tuples, lists, quoted
 * strings, integers, True/False/None. Results: Map, {@link Tuple}, List, String, Long, Boolean, null.
 * A parenthesised value without a comma is the value itself, as in Python.
 */
final class PyLiteral {

    /** A Python tuple, kept apart from a list because the npy shape must be a tuple. */
    record Tuple(List<Object> items) {
    }

    /** Thrown for any syntax error; the caller adds the file name. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    private final String s;
    private int pos;

    private PyLiteral(String s) {
        this.s = s;
    }

    static Object parse(String text) throws SyntaxError {
        PyLiteral p = new PyLiteral(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != p.s.length()) {
            throw p.error("unexpected text after the literal");
        }
        return v;
    }

    private Object value() throws SyntaxError {
        skipSpace();
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return dict();
            case '(': {
                pos++;
                List<Object> items = new ArrayList<>();
                boolean comma = sequence(')', items);
                return items.size() == 1 && !comma ? items.get(0) : new Tuple(items);
            }
            case '[': {
                pos++;
                List<Object> items = new ArrayList<>();
                sequence(']', items);
                return items;
            }
            case '\'':
            case '"':
                return string(c);
            default:
                if (c == '-' || c == '+' || Character.isDigit(c)) {
                    return integer();
                }
                if (Character.isLetter(c)) {
                    return name();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> dict() throws SyntaxError {
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            Object key = value();
            if (!(key instanceof String k)) {
                throw error("dict key is not a string");
            }
            skipSpace();
            expect(':');
            if (map.containsKey(k)) {
                throw error("duplicate key '" + k + "'");
            }
            map.put(k, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    /** Reads items up to the closing char; returns whether any comma was seen (tuple vs parentheses). */
    private boolean sequence(char close, List<Object> items) throws SyntaxError {
        boolean comma = false;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return comma;
            }
            items.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
                comma = true;
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string(char quote) throws SyntaxError {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\' && pos < s.length()) {
                c = s.charAt(pos++); // enough for quotes and backslashes, all npy descrs need
            }
            sb.append(c);
        }
        throw error("unterminated string");
    }

    private Long integer() throws SyntaxError {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        int digits = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos == digits) {
            throw error("malformed number");
        }
        String text = s.substring(start, pos);
        if (peek() == 'L' || peek() == 'l') {
            pos++; // Python 2 long suffix, written by old numpy
        }
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw error("integer out of range: " + text);
        }
    }

    private Object name() throws SyntaxError {
        int start = pos;
        while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
            pos++;
        }
        String word = s.substring(start, pos);
        return switch (word) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            default -> throw error("unknown name '" + word + "'");
        };
    }

    private void expect(char c) throws SyntaxError {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private SyntaxError error(String what) {
        return new SyntaxError(what + " at offset " + pos);
    }
}
