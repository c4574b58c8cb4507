-- PostgreSQL twin of migrations/0008_quote_speech.sql: the same tables, columns and indexes, with
-- PostgreSQL types (BIGINT, DOUBLE PRECISION, BYTEA; text compared bytewise, COLLATE "C").
-- Quotes: whether a quote reports speech or writing (stored by the extractor, which reads
-- the speaker phrase and the content's shape as well as the cue), and the spans where the
-- same quote is repeated in its article (JSON list of [start, end]).
ALTER TABLE quotes ADD COLUMN speech BIGINT NOT NULL DEFAULT 1;
ALTER TABLE quotes ADD COLUMN repeats TEXT COLLATE "C" NOT NULL DEFAULT '[]';
-- Quotes stored before this migration: the cues that were not speech when it was written.
UPDATE quotes SET speech = 0 WHERE cue IN (
    'want', 'hope', 'hop', 'wish', 'fear', 'worry', 'believe', 'think', 'feel', 'seem',
    'appear', 'show', 'expect', 'seek', 'explore', 'see', 'remember', 'mean', 'word',
    'decision', 'offer', 'know', 'understand', 'realize', 'learn', 'find', 'wonder',
    'imagine', 'assume', 'doubt', 'consider', 'like', 'love', 'hate', 'prefer',
    'desire', 'intend', 'plan', 'aim', 'decline'
);
CREATE INDEX quotes_speech ON quotes(speech, article_id, start);
