package io.attest.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The Lucene analysis chain for questions and examples: tokenise, lower-case, fold accents, map the
 * domain's many spellings to one term (synonyms), drop stop words, stem. Questions and examples go
 * through the same chain, so "SOC II Type-ii reports?" and "soc2 type 2 report" meet on the same terms.
 */
final class QuestionAnalyzer {

    private final Analyzer terms;
    private final Analyzer surface;

    QuestionAnalyzer(Language language) {
        SynonymMap synonyms = synonymMap(language.synonyms());
        CharArraySet stopWords = new CharArraySet(language.stopWords(), true);
        this.terms = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new ASCIIFoldingFilter(stream);
                stream = new EnglishPossessiveFilter(stream);
                if (synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                stream = new StopFilter(stream, stopWords);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
        this.surface = plainWords();
    }

    /** Analysed terms, in order, duplicates kept. */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        collect(terms, text, (term, start, end) -> out.add(term));
        return out;
    }

    /** Lower-cased words as typed, with their offsets; used to correct typos before analysis. */
    List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        collect(surface, text, (term, start, end) -> out.add(new Word(term, start, end)));
        return out;
    }

    Analyzer surfaceAnalyzer() {
        return surface;
    }

    Analyzer termAnalyzer() {
        return terms;
    }

    record Word(String text, int start, int end) {
    }

    private interface TokenSink {
        void accept(String term, int start, int end);
    }

    private static void collect(Analyzer analyzer, String text, TokenSink sink) {
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                sink.accept(term.toString(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
        } catch (IOException e) {
            // Analysis of an in-memory string does no I/O; a failure here is a bug, not bad input.
            throw new UncheckedIOException(e);
        }
    }

    private static Analyzer plainWords() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
    }

    /** Parses Solr-format rules ("soc ii, soc-2 => soc2"); throws IllegalArgumentException naming the bad rule. */
    static SynonymMap synonymMap(List<String> rules) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, plainWords());
        for (String rule : rules) {
            try {
                parser.parse(new StringReader(rule));
            } catch (ParseException | IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("synonym rule '" + rule + "' cannot be read: " + e.getMessage());
            }
        }
        try {
            return parser.build();
        } catch (IOException e) {
            throw new IllegalArgumentException("synonyms cannot be built: " + e.getMessage());
        }
    }
}
