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
        String result = out.toString().replaceAll("[ \\t]+", " ").trim();
        return result.length() > MAX_QUESTION_CHARS ? result.substring(0, MAX_QUESTION_CHARS) : result;
    }
}
