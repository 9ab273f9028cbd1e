--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: drivers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.drivers (
    id integer NOT NULL,
    source character varying(64) NOT NULL,
    source_driver_id character varying(255) NOT NULL,
    display_name character varying(255) NOT NULL,
    normalized_name character varying(255) NOT NULL,
    transponder_number character varying(32),
    merged_into_id integer
);


--
-- Name: drivers_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.drivers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: drivers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.drivers_id_seq OWNED BY public.drivers.id;


--
-- Name: event_driver_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event_driver_links (
    id integer NOT NULL,
    user_id integer NOT NULL,
    event_id integer NOT NULL,
    driver_id integer NOT NULL,
    match_type character varying(16) NOT NULL,
    similarity_score double precision,
    transponder_number character varying(32),
    status character varying(16) NOT NULL,
    matched_at timestamp without time zone NOT NULL,
    CONSTRAINT event_driver_links_status_check CHECK (((status)::text = ANY ((ARRAY['suggested'::character varying, 'confirmed'::character varying, 'rejected'::character varying, 'conflict'::character varying])::text[])))
);


--
-- Name: event_driver_links_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.event_driver_links_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: event_driver_links_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.event_driver_links_id_seq OWNED BY public.event_driver_links.id;


--
-- Name: event_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event_entries (
    id integer NOT NULL,
    event_id integer NOT NULL,
    driver_id integer NOT NULL,
    class_name character varying(255) NOT NULL,
    display_name character varying(255) NOT NULL,
    transponder_number character varying(32),
    car_number character varying(32),
    entry_origin character varying(16) NOT NULL
);


--
-- Name: event_entries_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.event_entries_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: event_entries_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.event_entries_id_seq OWNED BY public.event_entries.id;


--
-- Name: events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events (
    id integer NOT NULL,
    source character varying(64) NOT NULL,
    source_event_id character varying(64) NOT NULL,
    track_id integer NOT NULL,
    event_name character varying(512) NOT NULL,
    event_date timestamp without time zone,
    event_end_date date,
    event_entries integer,
    event_drivers integer,
    event_url character varying(1024) NOT NULL,
    ingest_depth character varying(16) NOT NULL,
    last_ingested_at timestamp without time zone,
    CONSTRAINT events_ingest_depth_check CHECK (((ingest_depth)::text = ANY ((ARRAY['none'::character varying, 'laps_full'::character varying])::text[])))
);


--
-- Name: events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.events_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.events_id_seq OWNED BY public.events.id;


--
-- Name: ingest_locks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ingest_locks (
    id integer NOT NULL,
    lock_key character varying(255) NOT NULL,
    owner character varying(255),
    run_id integer,
    acquired_at timestamp without time zone,
    expires_at timestamp without time zone
);


--
-- Name: ingest_locks_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.ingest_locks_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: ingest_locks_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.ingest_locks_id_seq OWNED BY public.ingest_locks.id;


--
-- Name: ingestion_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ingestion_runs (
    id integer NOT NULL,
    operation character varying(32) NOT NULL,
    source character varying(64) NOT NULL,
    target character varying(255) NOT NULL,
    status character varying(16) NOT NULL,
    parent_id integer,
    started_at timestamp without time zone NOT NULL,
    finished_at timestamp without time zone,
    heartbeat_at timestamp without time zone,
    progress_done integer NOT NULL,
    progress_total integer,
    progress_step character varying(255),
    requests integer NOT NULL,
    counts text NOT NULL,
    error_code character varying(32),
    error_message text,
    host character varying(255) NOT NULL,
    pid integer NOT NULL,
    CONSTRAINT ingestion_runs_status_check CHECK (((status)::text = ANY ((ARRAY['queued'::character varying, 'running'::character varying, 'succeeded'::character varying, 'failed'::character varying, 'already_complete'::character varying])::text[])))
);


--
-- Name: ingestion_runs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.ingestion_runs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: ingestion_runs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.ingestion_runs_id_seq OWNED BY public.ingestion_runs.id;


--
-- Name: laps; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.laps (
    id integer NOT NULL,
    race_result_id integer NOT NULL,
    lap_number integer NOT NULL,
    lap_time_seconds double precision NOT NULL,
    lap_time_raw character varying(32) NOT NULL,
    position_on_lap integer,
    pace character varying(64),
    elapsed_race_time double precision NOT NULL
);


--
-- Name: laps_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.laps_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: laps_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.laps_id_seq OWNED BY public.laps.id;


--
-- Name: race_drivers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.race_drivers (
    id integer NOT NULL,
    race_id integer NOT NULL,
    source_driver_id character varying(255) NOT NULL,
    driver_id integer NOT NULL,
    event_entry_id integer,
    display_name character varying(255) NOT NULL,
    car_number character varying(32)
);


--
-- Name: race_drivers_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.race_drivers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: race_drivers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.race_drivers_id_seq OWNED BY public.race_drivers.id;


--
-- Name: race_results; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.race_results (
    id integer NOT NULL,
    race_id integer NOT NULL,
    race_driver_id integer NOT NULL,
    started boolean NOT NULL,
    position_final integer,
    qualifying_position integer,
    laps_completed integer NOT NULL,
    total_time_raw character varying(64) NOT NULL,
    total_time_seconds double precision,
    behind_raw character varying(64),
    behind_seconds double precision,
    behind_laps integer,
    fast_lap_time double precision,
    fast_lap_number integer,
    avg_lap_time double precision,
    avg_top5 double precision,
    avg_top10 double precision,
    avg_top15 double precision,
    top2_consecutive double precision,
    top3_consecutive double precision,
    std_deviation double precision,
    consistency double precision,
    raw_cells text NOT NULL
);


--
-- Name: race_results_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.race_results_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: race_results_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.race_results_id_seq OWNED BY public.race_results.id;


--
-- Name: races; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.races (
    id integer NOT NULL,
    event_id integer NOT NULL,
    source_race_id character varying(64) NOT NULL,
    race_url character varying(1024) NOT NULL,
    class_name character varying(255) NOT NULL,
    race_label character varying(255) NOT NULL,
    race_order integer NOT NULL,
    race_number integer,
    round_name character varying(255),
    completed_at timestamp without time zone,
    completed_date date,
    completed_at_raw character varying(64),
    duration_raw character varying(64),
    duration_seconds double precision,
    duration_laps integer,
    page_digest character varying(160)
);


--
-- Name: races_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.races_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: races_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.races_id_seq OWNED BY public.races.id;


--
-- Name: schema_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_version (
    version integer NOT NULL,
    name character varying(255) NOT NULL,
    applied_at timestamp without time zone NOT NULL,
    mre_version character varying(32) NOT NULL
);


--
-- Name: tracks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tracks (
    id integer NOT NULL,
    source character varying(64) NOT NULL,
    source_track_slug character varying(255) NOT NULL,
    track_name character varying(255) NOT NULL,
    track_url character varying(1024) NOT NULL,
    events_url character varying(1024) NOT NULL,
    last_seen_at timestamp without time zone NOT NULL,
    liverc_track_last_updated character varying(64),
    is_active boolean NOT NULL
);


--
-- Name: tracks_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.tracks_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: tracks_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.tracks_id_seq OWNED BY public.tracks.id;


--
-- Name: user_driver_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_driver_links (
    id integer NOT NULL,
    user_id integer NOT NULL,
    driver_id integer NOT NULL,
    status character varying(16) NOT NULL,
    similarity_score double precision,
    match_type character varying(16) NOT NULL,
    matcher character varying(64) NOT NULL,
    matcher_version character varying(32) NOT NULL,
    decided_by character varying(16) NOT NULL,
    matched_at timestamp without time zone NOT NULL,
    confirmed_at timestamp without time zone,
    conflict_reason text,
    CONSTRAINT user_driver_links_status_check CHECK (((status)::text = ANY ((ARRAY['suggested'::character varying, 'confirmed'::character varying, 'rejected'::character varying, 'conflict'::character varying])::text[])))
);


--
-- Name: user_driver_links_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.user_driver_links_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: user_driver_links_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.user_driver_links_id_seq OWNED BY public.user_driver_links.id;


--
-- Name: user_transponders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_transponders (
    id integer NOT NULL,
    user_id integer NOT NULL,
    transponder_number character varying(32) NOT NULL
);


--
-- Name: user_transponders_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.user_transponders_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: user_transponders_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.user_transponders_id_seq OWNED BY public.user_transponders.id;


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    display_name character varying(255) NOT NULL,
    normalized_name character varying(255) NOT NULL,
    email character varying(255),
    created_at timestamp without time zone NOT NULL
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;


--
-- Name: drivers id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.drivers ALTER COLUMN id SET DEFAULT nextval('public.drivers_id_seq'::regclass);


--
-- Name: event_driver_links id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_driver_links ALTER COLUMN id SET DEFAULT nextval('public.event_driver_links_id_seq'::regclass);


--
-- Name: event_entries id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_entries ALTER COLUMN id SET DEFAULT nextval('public.event_entries_id_seq'::regclass);


--
-- Name: events id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ALTER COLUMN id SET DEFAULT nextval('public.events_id_seq'::regclass);


--
-- Name: ingest_locks id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingest_locks ALTER COLUMN id SET DEFAULT nextval('public.ingest_locks_id_seq'::regclass);


--
-- Name: ingestion_runs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingestion_runs ALTER COLUMN id SET DEFAULT nextval('public.ingestion_runs_id_seq'::regclass);


--
-- Name: laps id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.laps ALTER COLUMN id SET DEFAULT nextval('public.laps_id_seq'::regclass);


--
-- Name: race_drivers id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.race_drivers ALTER COLUMN id SET DEFAULT nextval('public.race_drivers_id_seq'::regclass);


--
-- Name: race_results id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.race_results ALTER COLUMN id SET DEFAULT nextval('public.race_results_id_seq'::regclass);


--
-- Name: races id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.races ALTER COLUMN id SET DEFAULT nextval('public.races_id_seq'::regclass);


--
-- Name: tracks id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tracks ALTER COLUMN id SET DEFAULT nextval('public.tracks_id_seq'::regclass);


--
-- Name: user_driver_links id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_driver_links ALTER COLUMN id SET DEFAULT nextval('public.user_driver_links_id_seq'::regclass);


--
-- Name: user_transponders id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_transponders ALTER COLUMN id SET DEFAULT nextval('public.user_transponders_id_seq'::regclass);


--
-- Name: users id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);


--
-- Name: drivers drivers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.drivers
    ADD CONSTRAINT drivers_pkey PRIMARY KEY (id);


--
-- Name: event_driver_links event_driver_links_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_driver_links
    ADD CONSTRAINT event_driver_links_pkey PRIMARY KEY (id);


--
-- Name: event_entries event_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_entries
    ADD CONSTRAINT event_entries_pkey PRIMARY KEY (id);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);


--
-- Name: ingest_locks ingest_locks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingest_locks
    ADD CONSTRAINT ingest_locks_pkey PRIMARY KEY (id);


--
-- Name: ingestion_runs ingestion_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingestion_runs
    ADD CONSTRAINT ingestion_runs_pkey PRIMARY KEY (id);


--
-- Name: laps laps_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.laps
    ADD CONSTRAINT laps_pkey PRIMARY KEY (id);


--
-- Name: race_drivers race_drivers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.race_drivers
    ADD CONSTRAINT race_drivers_pkey PRIMARY KEY (id);


--
-- Name: race_results race_results_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.race_results
    ADD CONSTRAINT race_results_pkey PRIMARY KEY (id);


--
-- Name: races races_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.races
    ADD CONSTRAINT races_pkey PRIMARY KEY (id);


--
-- Name: schema_version schema_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_version
    ADD CONSTRAINT schema_version_pkey PRIMARY KEY (version);


--
-- Name: tracks tracks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tracks
    ADD CONSTRAINT tracks_pkey PRIMARY KEY (id);


--
-- Name: user_driver_links user_driver_links_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_driver_links
    ADD CONSTRAINT user_driver_links_pkey PRIMARY KEY (id);


--
-- Name: user_transponders user_transponders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_transponders
    ADD CONSTRAINT user_transponders_pkey PRIMARY KEY (id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: drivers_merged_into_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX drivers_merged_into_id ON public.drivers USING btree (merged_into_id);


--
-- Name: drivers_normalized_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX drivers_normalized_name ON public.drivers USING btree (normalized_name);


--
-- Name: drivers_source_source_driver_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX drivers_source_source_driver_id ON public.drivers USING btree (source, source_driver_id);


--
-- Name: event_driver_links_driver_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_driver_links_driver_id ON public.event_driver_links USING btree (driver_id);


--
-- Name: event_driver_links_event_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_driver_links_event_id ON public.event_driver_links USING btree (event_id);


--
-- Name: event_driver_links_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_driver_links_user_id ON public.event_driver_links USING btree (user_id);


--
-- Name: event_driver_links_user_id_event_id_driver_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX event_driver_links_user_id_event_id_driver_id ON public.event_driver_links USING btree (user_id, event_id, driver_id);


--
-- Name: event_entries_driver_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_entries_driver_id ON public.event_entries USING btree (driver_id);


--
-- Name: event_entries_event_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX event_entries_event_id ON public.event_entries USING btree (event_id);


--
-- Name: event_entries_event_id_driver_id_class_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX event_entries_event_id_driver_id_class_name ON public.event_entries USING btree (event_id, driver_id, class_name);


--
-- Name: events_source_source_event_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX events_source_source_event_id ON public.events USING btree (source, source_event_id);


--
-- Name: events_track_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_track_id ON public.events USING btree (track_id);


--
-- Name: ingest_locks_lock_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ingest_locks_lock_key ON public.ingest_locks USING btree (lock_key);


--
-- Name: ingest_locks_run_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ingest_locks_run_id ON public.ingest_locks USING btree (run_id);


--
-- Name: ingestion_runs_parent_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ingestion_runs_parent_id ON public.ingestion_runs USING btree (parent_id);


--
-- Name: ingestion_runs_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ingestion_runs_status ON public.ingestion_runs USING btree (status);


--
-- Name: laps_race_result_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX laps_race_result_id ON public.laps USING btree (race_result_id);


--
-- Name: laps_race_result_id_lap_number; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX laps_race_result_id_lap_number ON public.laps USING btree (race_result_id, lap_number);


--
-- Name: race_drivers_driver_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX race_drivers_driver_id ON public.race_drivers USING btree (driver_id);


--
-- Name: race_drivers_event_entry_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX race_drivers_event_entry_id ON public.race_drivers USING btree (event_entry_id);


--
-- Name: race_drivers_race_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX race_drivers_race_id ON public.race_drivers USING btree (race_id);


--
-- Name: race_drivers_race_id_source_driver_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX race_drivers_race_id_source_driver_id ON public.race_drivers USING btree (race_id, source_driver_id);


--
-- Name: race_results_race_driver_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX race_results_race_driver_id ON public.race_results USING btree (race_driver_id);


--
-- Name: race_results_race_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX race_results_race_id ON public.race_results USING btree (race_id);


--
-- Name: race_results_race_id_race_driver_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX race_results_race_id_race_driver_id ON public.race_results USING btree (race_id, race_driver_id);


--
-- Name: races_event_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX races_event_id ON public.races USING btree (event_id);


--
-- Name: races_event_id_source_race_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX races_event_id_source_race_id ON public.races USING btree (event_id, source_race_id);


--
-- Name: tracks_source_source_track_slug; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX tracks_source_source_track_slug ON public.tracks USING btree (source, source_track_slug);


--
-- Name: user_driver_links_driver_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_driver_links_driver_id ON public.user_driver_links USING btree (driver_id);


--
-- Name: user_driver_links_one_active_per_driver; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX user_driver_links_one_active_per_driver ON public.user_driver_links USING btree (driver_id) WHERE ((status)::text = ANY ((ARRAY['suggested'::character varying, 'confirmed'::character varying])::text[]));


--
-- Name: user_driver_links_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_driver_links_user_id ON public.user_driver_links USING btree (user_id);


--
-- Name: user_driver_links_user_id_driver_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX user_driver_links_user_id_driver_id ON public.user_driver_links USING btree (user_id, driver_id);


--
-- Name: user_transponders_transponder_number; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_transponders_transponder_number ON public.user_transponders USING btree (transponder_number);


--
-- Name: user_transponders_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_transponders_user_id ON public.user_transponders USING btree (user_id);


--
-- Name: user_transponders_user_id_transponder_number; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX user_transponders_user_id_transponder_number ON public.user_transponders USING btree (user_id, transponder_number);


--
-- Name: users_email; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX users_email ON public.users USING btree (email);


--
-- Name: users_normalized_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX users_normalized_name ON public.users USING btree (normalized_name);


--
-- Name: drivers drivers_merged_into_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.drivers
    ADD CONSTRAINT drivers_merged_into_id_fkey FOREIGN KEY (merged_into_id) REFERENCES public.drivers(id);


--
-- Name: event_driver_links event_driver_links_driver_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_driver_links
    ADD CONSTRAINT event_driver_links_driver_id_fkey FOREIGN KEY (driver_id) REFERENCES public.drivers(id);


--
-- Name: event_driver_links event_driver_links_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_driver_links
    ADD CONSTRAINT event_driver_links_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.events(id);


--
-- Name: event_driver_links event_driver_links_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_driver_links
    ADD CONSTRAINT event_driver_links_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: event_entries event_entries_driver_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_entries
    ADD CONSTRAINT event_entries_driver_id_fkey FOREIGN KEY (driver_id) REFERENCES public.drivers(id);


--
-- Name: event_entries event_entries_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_entries
    ADD CONSTRAINT event_entries_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.events(id);


--
-- Name: events events_track_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_track_id_fkey FOREIGN KEY (track_id) REFERENCES public.tracks(id);


--
-- Name: ingest_locks ingest_locks_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingest_locks
    ADD CONSTRAINT ingest_locks_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.ingestion_runs(id);


--
-- Name: ingestion_runs ingestion_runs_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingestion_runs
    ADD CONSTRAINT ingestion_runs_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.ingestion_runs(id);


--
-- Name: laps laps_race_result_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.laps
    ADD CONSTRAINT laps_race_result_id_fkey FOREIGN KEY (race_result_id) REFERENCES public.race_results(id);


--
-- Name: race_drivers race_drivers_driver_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.race_drivers
    ADD CONSTRAINT race_drivers_driver_id_fkey FOREIGN KEY (driver_id) REFERENCES public.drivers(id);


--
-- Name: race_drivers race_drivers_event_entry_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.race_drivers
    ADD CONSTRAINT race_drivers_event_entry_id_fkey FOREIGN KEY (event_entry_id) REFERENCES public.event_entries(id);


--
-- Name: race_drivers race_drivers_race_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.race_drivers
    ADD CONSTRAINT race_drivers_race_id_fkey FOREIGN KEY (race_id) REFERENCES public.races(id);


--
-- Name: race_results race_results_race_driver_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.race_results
    ADD CONSTRAINT race_results_race_driver_id_fkey FOREIGN KEY (race_driver_id) REFERENCES public.race_drivers(id);


--
-- Name: race_results race_results_race_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.race_results
    ADD CONSTRAINT race_results_race_id_fkey FOREIGN KEY (race_id) REFERENCES public.races(id);


--
-- Name: races races_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.races
    ADD CONSTRAINT races_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.events(id);


--
-- Name: user_driver_links user_driver_links_driver_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_driver_links
    ADD CONSTRAINT user_driver_links_driver_id_fkey FOREIGN KEY (driver_id) REFERENCES public.drivers(id);


--
-- Name: user_driver_links user_driver_links_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_driver_links
    ADD CONSTRAINT user_driver_links_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: user_transponders user_transponders_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_transponders
    ADD CONSTRAINT user_transponders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- PostgreSQL database dump complete
--


