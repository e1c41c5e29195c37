-- Articles, their coded parts and ingest failures.

CREATE TABLE articles (
	pk        INTEGER PRIMARY KEY,
	id        TEXT NOT NULL,
	hash      TEXT NOT NULL UNIQUE,   -- khaldun.ContentHash
	url       TEXT UNIQUE,            -- NULL when the article has none
	source    TEXT NOT NULL,
	published TEXT NOT NULL,
	title     TEXT NOT NULL,
	text      TEXT NOT NULL,
	record    TEXT NOT NULL           -- the record as JSON, its text left out
);
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE actors (
	article  INTEGER NOT NULL REFERENCES articles(pk),
	aid      TEXT NOT NULL,
	name     TEXT NOT NULL,
	kind     TEXT NOT NULL,
	country  TEXT NOT NULL,
	sector   TEXT NOT NULL,
	code     TEXT NOT NULL,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (article, aid)
) WITHOUT ROWID;
CREATE INDEX actors_name ON actors(name, code);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE places (
	article INTEGER NOT NULL REFERENCES articles(pk),
	pid     TEXT NOT NULL,
	name    TEXT NOT NULL,
	country TEXT NOT NULL,
	PRIMARY KEY (article, pid)
) WITHOUT ROWID;
CREATE INDEX places_country ON places(country);

-- An event keeps the names, codes and countries of its actors and place
-- for filtering, and the whole row (event, actors, place, evidence) as JSON.
CREATE TABLE events (
	article       INTEGER NOT NULL REFERENCES articles(pk),
	seq           INTEGER NOT NULL,
	type          TEXT NOT NULL,
	cameo         TEXT NOT NULL,
	day           TEXT NOT NULL,    -- the event date, else the article's published date
	src_name      TEXT NOT NULL,
	src_code      TEXT NOT NULL,
	src_country   TEXT NOT NULL,
	tgt_name      TEXT NOT NULL,
	tgt_code      TEXT NOT NULL,
	tgt_country   TEXT NOT NULL,
	place_name    TEXT NOT NULL,
	place_country TEXT NOT NULL,
	row           TEXT NOT NULL,
	PRIMARY KEY (article, seq)
) WITHOUT ROWID;
CREATE INDEX events_day ON events(day);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_cameo ON events(cameo);

CREATE TABLE quotes (
	qk              INTEGER PRIMARY KEY,
	article         INTEGER NOT NULL REFERENCES articles(pk),
	seq             INTEGER NOT NULL,
	speaker_name    TEXT NOT NULL,
	speaker_code    TEXT NOT NULL,
	speaker_country TEXT NOT NULL,
	text            TEXT NOT NULL,
	row             TEXT NOT NULL,
	UNIQUE (article, seq)
);

CREATE TABLE failures (
	pk      INTEGER PRIMARY KEY,
	file    TEXT NOT NULL,
	line    INTEGER NOT NULL,
	aid     TEXT NOT NULL,
	problem TEXT NOT NULL,
	UNIQUE (file, line, aid, problem)
);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='pk', tokenize='porter unicode61');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='qk', tokenize='porter unicode61');
