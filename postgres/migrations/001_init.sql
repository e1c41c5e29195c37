-- Articles, their coded parts and ingest failures. Text that is compared
-- or ordered uses the "C" collation, so that dates and codes compare byte
-- by byte as in the SQLite store ("2017-09" < "2017-09-01" < "2017-09-01~").

CREATE TABLE articles (
	pk        bigserial PRIMARY KEY,
	id        text NOT NULL,
	hash      text COLLATE "C" NOT NULL UNIQUE,  -- khaldun.ContentHash
	url       text COLLATE "C",                  -- NULL when the article has none
	source    text NOT NULL,
	published text COLLATE "C" NOT NULL,
	title     text NOT NULL,
	text      text NOT NULL,
	record    text NOT NULL,                     -- the record as JSON, its text left out
	-- English stemming, as the SQLite store's porter tokenizer
	tsv       tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || text)) STORED
);
-- URLs and problems can be longer than a btree entry: their md5 is unique.
CREATE UNIQUE INDEX articles_url ON articles(md5(url));
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_tsv ON articles USING gin(tsv);

CREATE TABLE actors (
	article  bigint NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
	aid      text NOT NULL,
	name     text COLLATE "C" NOT NULL,
	kind     text NOT NULL,
	country  text NOT NULL,
	sector   text NOT NULL,
	code     text COLLATE "C" NOT NULL,
	mentions integer NOT NULL,
	PRIMARY KEY (article, aid)
);
CREATE INDEX actors_name ON actors(name, code);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE places (
	article bigint NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
	pid     text NOT NULL,
	name    text NOT NULL,
	country text NOT NULL,
	PRIMARY KEY (article, pid)
);
CREATE INDEX places_country ON places(country);

-- An event keeps the names, codes and countries of its actors and place
-- for filtering, and the whole row (event, actors, place, evidence) as JSON.
CREATE TABLE events (
	article       bigint NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
	seq           integer NOT NULL,
	type          text NOT NULL,
	cameo         text COLLATE "C" NOT NULL,
	day           text COLLATE "C" NOT NULL,  -- the event date, else the article's published date
	src_name      text NOT NULL,
	src_code      text COLLATE "C" NOT NULL,
	src_country   text NOT NULL,
	tgt_name      text NOT NULL,
	tgt_code      text COLLATE "C" NOT NULL,
	tgt_country   text NOT NULL,
	place_name    text NOT NULL,
	place_country text NOT NULL,
	row           text NOT NULL,
	PRIMARY KEY (article, seq)
);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_cameo ON events(cameo);

CREATE TABLE quotes (
	article         bigint NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
	seq             integer NOT NULL,
	speaker_name    text NOT NULL,
	speaker_code    text COLLATE "C" NOT NULL,
	speaker_country text NOT NULL,
	text            text NOT NULL,
	row             text NOT NULL,
	tsv             tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
	PRIMARY KEY (article, seq)
);
CREATE INDEX quotes_tsv ON quotes USING gin(tsv);

CREATE TABLE failures (
	pk      bigserial PRIMARY KEY,
	file    text NOT NULL,
	line    integer NOT NULL,
	aid     text NOT NULL,
	problem text NOT NULL
);
CREATE UNIQUE INDEX failures_key ON failures(md5(file), line, md5(aid), md5(problem));
