package io.attest.knowledge;

import java.text.Normalizer;

/** Makes typed text safe and comparable: Unicode compatibility forms, no invisible characters, bounded size. */
final class TextNormaliser {

    /** Longer questions are cut: nobody types more in Slack, and it bounds the work per question. */
    static final int MAX_QUESTION_CHARS = 1000;

    private TextNormaliser() {
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = text.length() > 4 * MAX_QUESTION_CHARS ? text.substring(0, 4 * MAX_QUESTION_CHARS) : text;
        if (isPlainAscii(s)) {
            // What nearly every question is: nothing to fold, only spaces to tidy. Spares the ack path a Unicode pass.
            return cut(collapseSpaces(s));
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_QUESTION_CHARS));
        s.codePoints().forEach(cp -> {
            if (cp == '\u2018' || cp == '\u2019') {
                out.append('\'');
            } else if (cp == '\u201C' || cp == '\u201D') {
                out.append('"');
            } else if (cp == '\u2013' || cp == '\u2014') {
                out.append('-');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(cp == '\n' ? '\n' : ' ');
            } else if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)
                    || Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.SURROGATE) {
                // zero-width and control characters carry no meaning and can hide words from matching
            } else {
                out.appendCodePoint(cp);
            }
        });
        return cut(collapseSpaces(out.toString()));
    }

    /** Printable ASCII, new lines and tabs only: text that NFKC and the character rules above leave as it is. */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 || c > 0x7E) && c != '\n' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Runs of spaces and tabs become one space; new lines stay; the ends are trimmed. */
    private static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString().trim();
    }

    private static String cut(String s) {
        return s.length() > MAX_QUESTION_CHARS ? s.substring(0, MAX_QUESTION_CHARS) : s;
    }
}
