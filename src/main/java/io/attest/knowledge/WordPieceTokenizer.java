package io.attest.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as the sentence-embedding models were trained with: clean the text, lower-case,
 * strip accents, split on white space and punctuation, then cut each word into the longest pieces in the
 * vocabulary ("##" marks a piece inside a word). Reads the vocabulary from a Hugging Face {@code tokenizer.json}.
 * Written here rather than taken from a native tokenizer library, which would add its own native code and start-up.
 */
final class WordPieceTokenizer {

    private static final String UNKNOWN = "[UNK]";
    private static final String CLASSIFIER = "[CLS]";
    private static final String SEPARATOR = "[SEP]";
    private static final int MAX_WORD_CHARS = 100;

    private final Map<String, Integer> vocabulary;
    private final int unknown;
    private final int classifier;
    private final int separator;

    WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = vocabulary;
        this.unknown = id(UNKNOWN);
        this.classifier = id(CLASSIFIER);
        this.separator = id(SEPARATOR);
    }

    /**
     * Reads {@code model.vocab} of a tokenizer.json. The file is 700 KB and only its vocabulary matters, so this scans
     * for that object and reads its {"piece": id} pairs directly: a general JSON parser took ten times as long, which
     * every start-up paid.
     */
    static WordPieceTokenizer fromTokenizerJson(InputStream json) throws IOException {
        String text = new String(json.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Integer> vocabulary = new HashMap<>(40_000);
        int model = text.indexOf("\"model\"");
        int vocab = model < 0 ? -1 : text.indexOf("\"vocab\"", model);
        int at = vocab < 0 ? -1 : text.indexOf('{', vocab);
        if (at >= 0) {
            VocabularyScanner scanner = new VocabularyScanner(text, at + 1);
            while (scanner.next()) {
                vocabulary.put(scanner.piece, scanner.id);
            }
        }
        if (vocabulary.isEmpty()) {
            throw new IOException("the tokenizer file has no model.vocab");
        }
        return new WordPieceTokenizer(vocabulary);
    }

    /** Reads "piece": id pairs up to the closing brace; JSON string escapes are decoded. */
    private static final class VocabularyScanner {
        private final String text;
        private int at;
        String piece;
        int id;

        VocabularyScanner(String text, int at) {
            this.text = text;
            this.at = at;
        }

        boolean next() throws IOException {
            skipBlanksAnd(',');
            if (at >= text.length() || text.charAt(at) == '}') {
                return false;
            }
            if (text.charAt(at) != '"') {
                throw new IOException("the tokenizer's vocabulary is not a JSON object of pieces at offset " + at);
            }
            piece = string();
            skipBlanksAnd(':');
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
                at++;
            }
            try {
                id = Integer.parseInt(text, start, at, 10);
            } catch (NumberFormatException e) {
                throw new IOException("the tokenizer's vocabulary has a piece without a number id at offset " + start);
            }
            return true;
        }

        private String string() throws IOException {
            StringBuilder out = new StringBuilder();
            at++; // the opening quote
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text, at, at + 4, 16));
                        at += 4;
                    }
                    default -> out.append(e); // \" \\ \/
                }
            }
            throw new IOException("the tokenizer's vocabulary ends inside a string");
        }

        private void skipBlanksAnd(char separator) {
            while (at < text.length() && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == separator)) {
                at++;
            }
        }
    }

    /** Token ids of {@code text} between [CLS] and [SEP], at most {@code maxTokens} in all. */
    long[] encode(String text, int maxTokens) {
        List<String> pieces = pieces(text);
        int n = Math.min(pieces.size(), maxTokens - 2);
        long[] out = new long[n + 2];
        out[0] = classifier;
        for (int i = 0; i < n; i++) {
            out[i + 1] = vocabulary.get(pieces.get(i));
        }
        out[n + 1] = separator;
        return out;
    }

    /** The vocabulary pieces of {@code text}, without [CLS] and [SEP]. */
    List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        for (String word : basicTokens(text)) {
            pieces(word, out);
        }
        return out;
    }

    /** Lower-cased, accent-free words and single punctuation marks. */
    static List<String> basicTokens(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || cp == 0 || cp == 0xFFFD
                    || (Character.isISOControl(cp) && !Character.isWhitespace(cp))) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                flush(word, words);
            } else if (isPunctuation(cp) || isCjk(cp)) {
                flush(word, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        flush(word, words);
        return words;
    }

    /** Greedy longest match first, as BERT does; a word with a part no piece covers is one [UNK]. */
    private void pieces(String word, List<String> out) {
        if (word.length() > MAX_WORD_CHARS) {
            out.add(UNKNOWN);
            return;
        }
        List<String> found = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            String piece = null;
            while (start < end) {
                String candidate = (start > 0 ? "##" : "") + word.substring(start, end);
                if (vocabulary.containsKey(candidate)) {
                    piece = candidate;
                    break;
                }
                end--;
            }
            if (piece == null) {
                out.add(UNKNOWN);
                return;
            }
            found.add(piece);
            start = end;
        }
        out.addAll(found);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** BERT counts every non-letter, non-digit ASCII symbol as punctuation, plus Unicode's punctuation classes. */
    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    private int id(String piece) {
        Integer id = vocabulary.get(piece);
        if (id == null) {
            throw new IllegalArgumentException("the vocabulary has no " + piece);
        }
        return id;
    }
}
