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

--
-- Data for Name: drivers; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (1, 'liverc', 'entry_413880_aaron-barnes', 'AARON BARNES', 'aaron barnes', '2669124', 27);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (2, 'liverc', 'entry_413880_jose-collins', 'JOSÉ COLLINS', 'jose collins', '2910393', 22);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (3, 'liverc', 'entry_413880_miles-gibson', 'MILES GIBSON', 'miles gibson', '6892868', 21);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (4, 'liverc', 'entry_413880_zane-gibson', 'ZANE GIBSON', 'zane gibson', '5516398', 25);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (5, 'liverc', 'entry_413880_derek-graham', 'DEREK GRAHAM', 'derek graham', '6191309', 28);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (6, 'liverc', 'entry_413880_chase-henderson', 'CHASE HENDERSON', 'chase henderson', '6725805', 24);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (7, 'liverc', 'entry_413880_derek-pearson', 'DEREK PEARSON', 'derek pearson', '7969742', 26);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (8, 'liverc', 'entry_413880_sean-underwood', 'SEAN UNDERWOOD', 'sean underwood', '2478915', 23);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (9, 'liverc', 'entry_413880_victor-anderson', 'VICTOR ANDERSON', 'victor anderson', '8569671', 29);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (10, 'liverc', 'entry_413880_mark-duncan', 'MARK DUNCAN', 'mark duncan', '9861577', 34);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (11, 'liverc', 'entry_413880_aaron-jensen', 'AARON JENSEN', 'aaron jensen', '9208592', 30);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (12, 'liverc', 'entry_413880_jose-nunez', 'JOSÉ NUÑEZ', 'jose nunez', '1619696', 32);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (13, 'liverc', 'entry_413880_peter-parker', 'PETER PARKER', 'peter parker', '9026093', 31);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (14, 'liverc', 'entry_413880_finn-stewart', 'FINN STEWART', 'finn stewart', '3242611', 33);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (15, 'liverc', 'entry_413880_ian-baker', 'IAN BAKER', 'ian baker', '6530847', 40);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (16, 'liverc', 'entry_413880_jared-bradley', 'JARED BRADLEY', 'jared bradley', '4052735', 38);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (17, 'liverc', 'entry_413880_jesse-harper', 'JESSE HARPER', 'jesse harper', '5412079', 37);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (18, 'liverc', 'entry_413880_mark-newton', 'MARK NEWTON', 'mark newton', '4949316', 35);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (19, 'liverc', 'entry_413880_shane-oconnor', 'SHANE O''CONNOR', 'shane oconnor', '9636244', 36);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (20, 'liverc', 'entry_413880_mason-reynolds', 'MASON REYNOLDS', 'mason reynolds', '8235461', 39);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (21, 'liverc', '118807', 'MILES GIBSON', 'miles gibson', '6892868', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (22, 'liverc', '380930', 'JOSÉ COLLINS', 'jose collins', '2910393', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (23, 'liverc', '442868', 'SEAN UNDERWOOD', 'sean underwood', '2478915', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (24, 'liverc', '616833', 'CHASE HENDERSON', 'chase henderson', '6725805', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (25, 'liverc', '664653', 'ZANE GIBSON', 'zane gibson', '5516398', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (26, 'liverc', '678753', 'DEREK PEARSON', 'derek pearson', '7969742', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (27, 'liverc', '741714', 'AARON BARNES', 'aaron barnes', '2669124', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (28, 'liverc', '870999', 'DEREK GRAHAM', 'derek graham', '6191309', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (29, 'liverc', '196049', 'VICTOR ANDERSON', 'victor anderson', '8569671', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (30, 'liverc', '312769', 'AARON JENSEN', 'aaron jensen', '9208592', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (31, 'liverc', '313663', 'PETER PARKER', 'peter parker', '9026093', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (32, 'liverc', '618220', 'JOSÉ NUÑEZ', 'jose nunez', '1619696', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (33, 'liverc', '715400', 'FINN STEWART', 'finn stewart', '3242611', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (34, 'liverc', '959633', 'MARK DUNCAN', 'mark duncan', '9861577', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (35, 'liverc', '143583', 'MARK NEWTON', 'mark newton', '4949316', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (36, 'liverc', '216073', 'SHANE O''CONNOR', 'shane oconnor', '9636244', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (37, 'liverc', '438562', 'JESSE HARPER', 'jesse harper', '5412079', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (38, 'liverc', '573051', 'JARED BRADLEY', 'jared bradley', '4052735', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (39, 'liverc', '702758', 'MASON REYNOLDS', 'mason reynolds', '8235461', NULL);
INSERT INTO public.drivers (id, source, source_driver_id, display_name, normalized_name, transponder_number, merged_into_id) VALUES (40, 'liverc', '837772', 'IAN BAKER', 'ian baker', '6530847', NULL);


--
-- Data for Name: tracks; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.tracks (id, source, source_track_slug, track_name, track_url, events_url, last_seen_at, liverc_track_last_updated, is_active, last_updated_at) VALUES (1, 'liverc', 'quickanddirtyrcandhobby', 'Quick and Dirty RC and Hobby', 'https://quickanddirtyrcandhobby.liverc.com/', 'https://quickanddirtyrcandhobby.liverc.com/events/', '2026-12-02 13:40:37', '1 minute ago', true, '2026-12-02 13:39:37');
INSERT INTO public.tracks (id, source, source_track_slug, track_name, track_url, events_url, last_seen_at, liverc_track_last_updated, is_active, last_updated_at) VALUES (2, 'liverc', 'synthtrack', 'Synth Track Model Car Club', 'https://synthtrack.liverc.com/', 'https://synthtrack.liverc.com/events/', '2026-12-02 13:40:37', 'Yesterday', true, '2026-12-01 13:40:37');
INSERT INTO public.tracks (id, source, source_track_slug, track_name, track_url, events_url, last_seen_at, liverc_track_last_updated, is_active, last_updated_at) VALUES (3, 'liverc', 'dirtcity', 'Dirt City RC Raceway', 'https://dirtcity.liverc.com/', 'https://dirtcity.liverc.com/events/', '2026-12-02 13:40:37', '2 days ago', true, '2026-11-30 13:40:37');


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.events (id, source, source_event_id, track_id, event_name, event_date, event_end_date, event_entries, event_drivers, event_url, ingest_depth, last_ingested_at) VALUES (1, 'liverc', '413880', 1, '2025 Synth Championship Round-9', '2025-11-16 08:30:00', '2025-11-18', 24, 20, 'https://quickanddirtyrcandhobby.liverc.com/results/?p=view_event&id=413880', 'laps_full', '2026-12-02 13:40:40');
INSERT INTO public.events (id, source, source_event_id, track_id, event_name, event_date, event_end_date, event_entries, event_drivers, event_url, ingest_depth, last_ingested_at) VALUES (2, 'liverc', '413237', 1, 'T', '2025-09-21 09:00:00', NULL, 0, 0, 'https://quickanddirtyrcandhobby.liverc.com/results/?p=view_event&id=413237', 'none', NULL);


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.users (id, display_name, normalized_name, email, created_at) VALUES (1, 'Aaron Barnes', 'aaron barnes', 'aaron.barnes@example.com', '2026-12-02 13:40:44');
INSERT INTO public.users (id, display_name, normalized_name, email, created_at) VALUES (2, 'Miles G.', 'miles g', NULL, '2026-12-02 13:40:46');
INSERT INTO public.users (id, display_name, normalized_name, email, created_at) VALUES (3, 'Derik Pearsen', 'derik pearsen', NULL, '2026-12-02 13:40:47');
INSERT INTO public.users (id, display_name, normalized_name, email, created_at) VALUES (4, 'Chas Henderson', 'chas henderson', NULL, '2026-12-02 13:40:48');
INSERT INTO public.users (id, display_name, normalized_name, email, created_at) VALUES (5, 'Pat Lender', 'pat lender', NULL, '2026-12-02 13:40:50');
INSERT INTO public.users (id, display_name, normalized_name, email, created_at) VALUES (6, 'Sam Lender', 'sam lender', NULL, '2026-12-02 13:40:51');


--
-- Data for Name: event_driver_links; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.event_driver_links (id, user_id, event_id, driver_id, match_type, similarity_score, transponder_number, status, matched_at) VALUES (1, 2, 1, 21, 'transponder', 0.9166666666666667, '6892868', 'suggested', '2026-12-02 13:40:52');
INSERT INTO public.event_driver_links (id, user_id, event_id, driver_id, match_type, similarity_score, transponder_number, status, matched_at) VALUES (2, 4, 1, 24, 'fuzzy', 0.94381, NULL, 'suggested', '2026-12-02 13:40:52');
INSERT INTO public.event_driver_links (id, user_id, event_id, driver_id, match_type, similarity_score, transponder_number, status, matched_at) VALUES (3, 5, 1, 25, 'transponder', 0.5045454545454545, '5516398', 'conflict', '2026-12-02 13:40:52');
INSERT INTO public.event_driver_links (id, user_id, event_id, driver_id, match_type, similarity_score, transponder_number, status, matched_at) VALUES (4, 6, 1, 25, 'transponder', 0.5045454545454545, '5516398', 'conflict', '2026-12-02 13:40:52');
INSERT INTO public.event_driver_links (id, user_id, event_id, driver_id, match_type, similarity_score, transponder_number, status, matched_at) VALUES (5, 3, 1, 26, 'fuzzy', 0.886325, NULL, 'suggested', '2026-12-02 13:40:52');
INSERT INTO public.event_driver_links (id, user_id, event_id, driver_id, match_type, similarity_score, transponder_number, status, matched_at) VALUES (6, 1, 1, 27, 'exact', 1, NULL, 'confirmed', '2026-12-02 13:40:52');
INSERT INTO public.event_driver_links (id, user_id, event_id, driver_id, match_type, similarity_score, transponder_number, status, matched_at) VALUES (7, 1, 1, 30, 'fuzzy', 0.877778, NULL, 'suggested', '2026-12-02 13:40:52');


--
-- Data for Name: event_entries; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (1, 1, 27, '1/10 4WD Buggy', 'AARON BARNES', '2669124', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (2, 1, 22, '1/10 4WD Buggy', 'JOSÉ COLLINS', '2910393', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (3, 1, 21, '1/10 4WD Buggy', 'MILES GIBSON', '6892868', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (4, 1, 25, '1/10 4WD Buggy', 'ZANE GIBSON', '5516398', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (5, 1, 28, '1/10 4WD Buggy', 'DEREK GRAHAM', '6191309', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (6, 1, 24, '1/10 4WD Buggy', 'CHASE HENDERSON', '6725805', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (7, 1, 26, '1/10 4WD Buggy', 'DEREK PEARSON', '7969742', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (8, 1, 23, '1/10 4WD Buggy', 'SEAN UNDERWOOD', '2478915', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (9, 1, 29, '1/10 4WD Mod Buggy', 'VICTOR ANDERSON', '8569671', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (10, 1, 22, '1/10 4WD Mod Buggy', 'JOSÉ COLLINS', '2910393', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (11, 1, 34, '1/10 4WD Mod Buggy', 'MARK DUNCAN', '9861577', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (12, 1, 21, '1/10 4WD Mod Buggy', 'MILES GIBSON', '6892868', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (13, 1, 30, '1/10 4WD Mod Buggy', 'AARON JENSEN', '9208592', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (14, 1, 32, '1/10 4WD Mod Buggy', 'JOSÉ NUÑEZ', '1619696', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (15, 1, 31, '1/10 4WD Mod Buggy', 'PETER PARKER', '9026093', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (16, 1, 33, '1/10 4WD Mod Buggy', 'FINN STEWART', '3242611', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (17, 1, 40, '1/8 Nitro Buggy', 'IAN BAKER', '6530847', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (18, 1, 38, '1/8 Nitro Buggy', 'JARED BRADLEY', '4052735', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (19, 1, 25, '1/8 Nitro Buggy', 'ZANE GIBSON', '5516398', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (20, 1, 37, '1/8 Nitro Buggy', 'JESSE HARPER', '5412079', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (21, 1, 35, '1/8 Nitro Buggy', 'MARK NEWTON', '4949316', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (22, 1, 32, '1/8 Nitro Buggy', 'JOSÉ NUÑEZ', '1619696', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (23, 1, 36, '1/8 Nitro Buggy', 'SHANE O''CONNOR', '9636244', NULL, 'entry_list');
INSERT INTO public.event_entries (id, event_id, driver_id, class_name, display_name, transponder_number, car_number, entry_origin) VALUES (24, 1, 39, '1/8 Nitro Buggy', 'MASON REYNOLDS', '8235461', NULL, 'entry_list');


--
-- Data for Name: ingestion_runs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.ingestion_runs (id, operation, source, target, status, parent_id, started_at, finished_at, heartbeat_at, progress_done, progress_total, progress_step, requests, counts, error_code, error_message, host, pid, params, job_key, queued_at, cancel_requested_at, attempts) VALUES (1, 'sync_tracks', 'liverc', 'catalogue', 'succeeded', NULL, '2026-12-02 13:40:37', '2026-12-02 13:40:37', '2026-12-02 13:40:37', 1, 1, 'done', 1, '{"tracks": {"new": 3, "updated": 0, "unchanged": 0}}', NULL, NULL, 'vm', 21746, '{}', 'sync_tracks:liverc:catalogue', NULL, NULL, NULL);
INSERT INTO public.ingestion_runs (id, operation, source, target, status, parent_id, started_at, finished_at, heartbeat_at, progress_done, progress_total, progress_step, requests, counts, error_code, error_message, host, pid, params, job_key, queued_at, cancel_requested_at, attempts) VALUES (2, 'refresh_events', 'liverc', 'quickanddirtyrcandhobby', 'succeeded', NULL, '2026-12-02 13:40:39', '2026-12-02 13:40:39', '2026-12-02 13:40:39', 1, 1, 'events page written', 1, '{"events": {"new": 2, "updated": 0, "unchanged": 0}}', NULL, NULL, 'vm', 21757, '{"depth": "none", "ingest_all": false}', 'refresh_events:liverc:quickanddirtyrcandhobby', NULL, NULL, NULL);
INSERT INTO public.ingestion_runs (id, operation, source, target, status, parent_id, started_at, finished_at, heartbeat_at, progress_done, progress_total, progress_step, requests, counts, error_code, error_message, host, pid, params, job_key, queued_at, cancel_requested_at, attempts) VALUES (3, 'ingest_event', 'liverc', '413880', 'succeeded', NULL, '2026-12-02 13:40:40', '2026-12-02 13:40:40', '2026-12-02 13:40:40', 8, 8, 'race 6/6: 1/8 Nitro Buggy A-Main', 8, '{"drivers": {"new": 40, "updated": 0, "unchanged": 0}, "event_entries": {"new": 24, "updated": 0, "unchanged": 0}, "races": {"new": 6, "updated": 0, "unchanged": 0}, "race_drivers": {"new": 48, "updated": 0, "unchanged": 0}, "race_results": {"new": 48, "updated": 0, "unchanged": 0}, "laps": {"new": 413, "updated": 0, "unchanged": 0}, "events": {"new": 0, "updated": 1, "unchanged": 0}}', NULL, NULL, 'vm', 21792, '{"force": false}', 'ingest_event:liverc:413880', NULL, NULL, NULL);
INSERT INTO public.ingestion_runs (id, operation, source, target, status, parent_id, started_at, finished_at, heartbeat_at, progress_done, progress_total, progress_step, requests, counts, error_code, error_message, host, pid, params, job_key, queued_at, cancel_requested_at, attempts) VALUES (4, 'ingest_event', 'liverc', '413237', 'failed', NULL, '2026-12-02 13:40:42', '2026-12-02 13:40:42', '2026-12-02 13:40:42', 0, NULL, 'fetching the entry list', 1, '{}', 'replay_miss', 'https://quickanddirtyrcandhobby.liverc.com/results/?p=view_entry_list&id=413237 is not in cassette cassettes/demo.yaml (replay never uses the network)', 'vm', 21807, '{"force": false}', 'ingest_event:liverc:413237', NULL, NULL, NULL);
INSERT INTO public.ingestion_runs (id, operation, source, target, status, parent_id, started_at, finished_at, heartbeat_at, progress_done, progress_total, progress_step, requests, counts, error_code, error_message, host, pid, params, job_key, queued_at, cancel_requested_at, attempts) VALUES (5, 'refresh_events', 'liverc', 'quickanddirtyrcandhobby', 'succeeded', NULL, '2026-12-02 13:40:43', '2026-12-02 13:40:43', '2026-12-02 13:40:43', 2, 2, 'event 413880 done', 1, '{"events": {"new": 0, "updated": 0, "unchanged": 2}}', NULL, NULL, 'vm', 21816, '{"depth": "laps_full", "ingest_all": true}', 'refresh_events:liverc:quickanddirtyrcandhobby', NULL, NULL, NULL);
INSERT INTO public.ingestion_runs (id, operation, source, target, status, parent_id, started_at, finished_at, heartbeat_at, progress_done, progress_total, progress_step, requests, counts, error_code, error_message, host, pid, params, job_key, queued_at, cancel_requested_at, attempts) VALUES (6, 'ingest_event', 'liverc', '413880', 'already_complete', 5, '2026-12-02 13:40:43', '2026-12-02 13:40:43', '2026-12-02 13:40:43', 0, NULL, NULL, 0, '{}', NULL, NULL, 'vm', 21816, '{"force": false}', 'ingest_event:liverc:413880', NULL, NULL, NULL);
INSERT INTO public.ingestion_runs (id, operation, source, target, status, parent_id, started_at, finished_at, heartbeat_at, progress_done, progress_total, progress_step, requests, counts, error_code, error_message, host, pid, params, job_key, queued_at, cancel_requested_at, attempts) VALUES (7, 'match_users', 'all', 'all ingested events', 'succeeded', NULL, '2026-12-02 13:40:52', '2026-12-02 13:40:52', '2026-12-02 13:40:52', 1, 1, 'event 413880 matched', 0, '{"user_driver_links": {"new": 7, "updated": 0, "unchanged": 0}, "event_driver_links": {"new": 7, "updated": 0, "unchanged": 0}}', NULL, NULL, 'vm', 22025, '{}', 'match_users:all:all ingested events', NULL, NULL, NULL);
INSERT INTO public.ingestion_runs (id, operation, source, target, status, parent_id, started_at, finished_at, heartbeat_at, progress_done, progress_total, progress_step, requests, counts, error_code, error_message, host, pid, params, job_key, queued_at, cancel_requested_at, attempts) VALUES (8, 'ingest_event', 'liverc', '413880', 'queued', NULL, '2026-12-02 13:40:57', NULL, NULL, 0, NULL, NULL, 0, '{}', NULL, NULL, 'vm', 22064, '{"force": true}', 'ingest_event:liverc:413880', '2026-12-02 13:40:57', NULL, 0);


--
-- Data for Name: ingest_locks; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.ingest_locks (id, lock_key, owner, run_id, acquired_at, expires_at) VALUES (1, 'event:liverc:413880', NULL, 3, '2026-12-02 13:40:40.647553', NULL);
INSERT INTO public.ingest_locks (id, lock_key, owner, run_id, acquired_at, expires_at) VALUES (2, 'event:liverc:413237', NULL, 4, '2026-12-02 13:40:42.281615', NULL);


--
-- Data for Name: races; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.races (id, event_id, source_race_id, race_url, class_name, race_label, race_order, race_number, round_name, completed_at, completed_date, completed_at_raw, duration_raw, duration_seconds, duration_laps, page_digest) VALUES (1, 1, '5776839', 'https://quickanddirtyrcandhobby.liverc.com/results/?p=view_race_result&id=5776839', '1/10 4WD Buggy', '1/10 4WD Buggy (Heat 1/1)', 1, 1, 'Qualifier Round 1', '2025-11-16 08:43:00', '2025-11-16', 'Nov 16, 2025 at 8:43am', '5:00 Timed', 300, NULL, 'mre_core 0.3.0:d9d89de3ee2e81abbadc0b25abf665d71af56c4ace6db178c1dcec867e150a34');
INSERT INTO public.races (id, event_id, source_race_id, race_url, class_name, race_label, race_order, race_number, round_name, completed_at, completed_date, completed_at_raw, duration_raw, duration_seconds, duration_laps, page_digest) VALUES (2, 1, '5776840', 'https://quickanddirtyrcandhobby.liverc.com/results/?p=view_race_result&id=5776840', '1/10 4WD Mod Buggy', '1/10 4WD Mod Buggy (Heat 1/1)', 2, 2, 'Qualifier Round 1', '2025-11-16 08:57:00', '2025-11-16', 'Nov 16, 2025 at 8:57am', '7:00 Timed', 420, NULL, 'mre_core 0.3.0:1323cbf0a94e171aa7d220bd365892e2f71dbe8eb96125048de77c75e6fb4327');
INSERT INTO public.races (id, event_id, source_race_id, race_url, class_name, race_label, race_order, race_number, round_name, completed_at, completed_date, completed_at_raw, duration_raw, duration_seconds, duration_laps, page_digest) VALUES (3, 1, '5776841', 'https://quickanddirtyrcandhobby.liverc.com/results/?p=view_race_result&id=5776841', '1/8 Nitro Buggy', '1/8 Nitro Buggy (Heat 1/1)', 3, 3, 'Qualifier Round 1', '2025-11-16 09:13:00', '2025-11-16', 'Nov 16, 2025 at 9:13am', '7:00 Timed', 420, NULL, 'mre_core 0.3.0:367b244f88f6c8d459032ec072ee6c176c123524c72c11b8f806b872b332114f');
INSERT INTO public.races (id, event_id, source_race_id, race_url, class_name, race_label, race_order, race_number, round_name, completed_at, completed_date, completed_at_raw, duration_raw, duration_seconds, duration_laps, page_digest) VALUES (4, 1, '5776844', 'https://quickanddirtyrcandhobby.liverc.com/results/?p=view_race_result&id=5776844', '1/10 4WD Buggy', '1/10 4WD Buggy A-Main', 4, 1, 'Main Events', '2025-11-18 08:44:00', '2025-11-18', 'Nov 18, 2025 at 8:44am', '5:00 Timed', 300, NULL, 'mre_core 0.3.0:12bda807a8892acdf9c727251a826498bb76ff1c7bf3168189362dd90c9303c8');
INSERT INTO public.races (id, event_id, source_race_id, race_url, class_name, race_label, race_order, race_number, round_name, completed_at, completed_date, completed_at_raw, duration_raw, duration_seconds, duration_laps, page_digest) VALUES (5, 1, '5776842', 'https://quickanddirtyrcandhobby.liverc.com/results/?p=view_race_result&id=5776842', '1/10 4WD Mod Buggy', '1/10 4WD Mod Buggy A-Main', 5, 2, 'Main Events', '2025-11-18 08:59:00', '2025-11-18', 'Nov 18, 2025 at 8:59am', '7:00 Timed', 420, NULL, 'mre_core 0.3.0:b8a17b81db1cf216d6559ec68a84660c0476589311bc07624609c1800cbf808e');
INSERT INTO public.races (id, event_id, source_race_id, race_url, class_name, race_label, race_order, race_number, round_name, completed_at, completed_date, completed_at_raw, duration_raw, duration_seconds, duration_laps, page_digest) VALUES (6, 1, '5776843', 'https://quickanddirtyrcandhobby.liverc.com/results/?p=view_race_result&id=5776843', '1/8 Nitro Buggy', '1/8 Nitro Buggy A-Main', 6, 3, 'Main Events', '2025-11-18 09:13:00', '2025-11-18', 'Nov 18, 2025 at 9:13am', '7:00 Timed', 420, NULL, 'mre_core 0.3.0:bf5e64b1e9c4853dc7229e213ccf0bc5f8c57099d1abe1ac005748d12b0afce6');


--
-- Data for Name: race_drivers; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (1, 1, '664653', 25, 4, 'ZANE GIBSON', '8');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (2, 1, '118807', 21, 3, 'MILES GIBSON', '3');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (3, 1, '616833', 24, 6, 'CHASE HENDERSON', '2');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (4, 1, '741714', 27, 1, 'AARON BARNES', '7');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (5, 1, '442868', 23, 8, 'SEAN UNDERWOOD', '5');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (6, 1, '870999', 28, 5, 'DEREK GRAHAM', '1');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (7, 1, '380930', 22, 2, 'JOSÉ COLLINS', '6');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (8, 1, '678753', 26, 7, 'DEREK PEARSON', '4');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (9, 2, '313663', 31, 15, 'PETER PARKER', '1');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (10, 2, '118807', 21, 12, 'MILES GIBSON', '3');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (11, 2, '959633', 34, 11, 'MARK DUNCAN', '8');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (12, 2, '380930', 22, 10, 'JOSÉ COLLINS', '6');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (13, 2, '715400', 33, 16, 'FINN STEWART', '5');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (14, 2, '312769', 30, 13, 'AARON JENSEN', '2');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (15, 2, '618220', 32, 14, 'JOSÉ NUÑEZ', '4');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (16, 2, '196049', 29, 9, 'VICTOR ANDERSON', '7');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (17, 3, '618220', 32, 22, 'JOSÉ NUÑEZ', '6');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (18, 3, '702758', 39, 24, 'MASON REYNOLDS', '8');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (19, 3, '438562', 37, 20, 'JESSE HARPER', '2');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (20, 3, '143583', 35, 21, 'MARK NEWTON', '5');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (21, 3, '573051', 38, 18, 'JARED BRADLEY', '3');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (22, 3, '216073', 36, 23, 'SHANE O''CONNOR', '1');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (23, 3, '664653', 25, 19, 'ZANE GIBSON', '7');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (24, 3, '837772', 40, 17, 'IAN BAKER', '4');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (25, 4, '741714', 27, 1, 'AARON BARNES', '4');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (26, 4, '118807', 21, 3, 'MILES GIBSON', '2');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (27, 4, '664653', 25, 4, 'ZANE GIBSON', '1');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (28, 4, '616833', 24, 6, 'CHASE HENDERSON', '3');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (29, 4, '678753', 26, 7, 'DEREK PEARSON', '8');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (30, 4, '380930', 22, 2, 'JOSÉ COLLINS', '7');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (31, 4, '442868', 23, 8, 'SEAN UNDERWOOD', '5');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (32, 4, '870999', 28, 5, 'DEREK GRAHAM', '6');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (33, 5, '618220', 32, 14, 'JOSÉ NUÑEZ', '8');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (34, 5, '196049', 29, 9, 'VICTOR ANDERSON', '7');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (35, 5, '312769', 30, 13, 'AARON JENSEN', '6');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (36, 5, '118807', 21, 12, 'MILES GIBSON', '2');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (37, 5, '715400', 33, 16, 'FINN STEWART', '5');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (38, 5, '959633', 34, 11, 'MARK DUNCAN', '3');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (39, 5, '313663', 31, 15, 'PETER PARKER', '1');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (40, 5, '380930', 22, 10, 'JOSÉ COLLINS', '4');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (41, 6, '618220', 32, 22, 'JOSÉ NUÑEZ', '1');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (42, 6, '143583', 35, 21, 'MARK NEWTON', '4');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (43, 6, '702758', 39, 24, 'MASON REYNOLDS', '2');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (44, 6, '664653', 25, 19, 'ZANE GIBSON', '7');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (45, 6, '216073', 36, 23, 'SHANE O''CONNOR', '6');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (46, 6, '438562', 37, 20, 'JESSE HARPER', '3');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (47, 6, '573051', 38, 18, 'JARED BRADLEY', '5');
INSERT INTO public.race_drivers (id, race_id, source_driver_id, driver_id, event_entry_id, display_name, car_number) VALUES (48, 6, '837772', 40, 17, 'IAN BAKER', '8');


--
-- Data for Name: race_results; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (1, 1, 1, true, 1, 8, 11, '11/5:24.613', 324.613, NULL, NULL, NULL, 28.557, 2, 29.51, 28.913, 29.274, NULL, 57.719, 86.918, 0.94, 96.82, '{"Avg Lap": "29.510", "Avg Top 10": "29.274", "Avg Top 15": "", "Avg Top 5": "28.913", "Behind": "", "Consistency": "96.82%", "Driver": "8 ZANE GIBSON View Laps", "Fastest Lap": "28.557 2", "Laps/Time": "11/5:24.613", "Pos": "1", "Qual": "8", "Std. Deviation": "0.94", "Top 3 Consecutive": "1:26.918"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (2, 1, 2, true, 2, 3, 11, '11/5:27.263', 327.263, '2.650', 2.65, NULL, 28.652, 8, 29.751, 29.026, 29.417, NULL, 58.218, 87.198, 1.23, 95.86, '{"Avg Lap": "29.751", "Avg Top 10": "29.417", "Avg Top 15": "", "Avg Top 5": "29.026", "Behind": "2.650", "Consistency": "95.86%", "Driver": "3 MILES GIBSON View Laps", "Fastest Lap": "28.652 8", "Laps/Time": "11/5:27.263", "Pos": "2", "Qual": "3", "Std. Deviation": "1.23", "Top 3 Consecutive": "1:27.198"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (3, 1, 3, true, 3, 2, 10, '10/5:10.348', 310.348, '1 Lap', NULL, 1, 30.2, 7, 31.035, 30.443, 31.035, NULL, 60.773, 91.309, 1.08, 96.51, '{"Avg Lap": "31.035", "Avg Top 10": "31.035", "Avg Top 15": "", "Avg Top 5": "30.443", "Behind": "1 Lap", "Consistency": "96.51%", "Driver": "2 CHASE HENDERSON View Laps", "Fastest Lap": "30.200 7", "Laps/Time": "10/5:10.348", "Pos": "3", "Qual": "2", "Std. Deviation": "1.08", "Top 3 Consecutive": "1:31.309"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (4, 1, 4, true, 4, 7, 10, '10/5:13.388', 313.388, '3.040', 3.04, NULL, 28.844, 8, 31.339, 29.266, 31.339, NULL, 58.048, 88.275, 4.53, 85.55, '{"Avg Lap": "31.339", "Avg Top 10": "31.339", "Avg Top 15": "", "Avg Top 5": "29.266", "Behind": "3.040", "Consistency": "85.55%", "Driver": "7 AARON BARNES View Laps", "Fastest Lap": "28.844 8", "Laps/Time": "10/5:13.388", "Pos": "4", "Qual": "7", "Std. Deviation": "4.53", "Top 3 Consecutive": "1:28.275"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (5, 1, 5, true, 5, 5, 10, '10/5:14.025', 314.025, '0.637', 0.637, NULL, 30.881, 8, 31.403, 31.093, 31.403, NULL, 62.022, 93.19, 0.48, 98.47, '{"Avg Lap": "31.403", "Avg Top 10": "31.403", "Avg Top 15": "", "Avg Top 5": "31.093", "Behind": "0.637", "Consistency": "98.47%", "Driver": "5 SEAN UNDERWOOD View Laps", "Fastest Lap": "30.881 8", "Laps/Time": "10/5:14.025", "Pos": "5", "Qual": "5", "Std. Deviation": "0.48", "Top 3 Consecutive": "1:33.190"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (6, 1, 6, true, 6, 1, 10, '10/5:18.300', 318.3, '4.275', 4.275, NULL, 31.288, 5, 31.83, 31.531, 31.83, NULL, 62.96, 94.698, 0.48, 98.49, '{"Avg Lap": "31.830", "Avg Top 10": "31.830", "Avg Top 15": "", "Avg Top 5": "31.531", "Behind": "4.275", "Consistency": "98.49%", "Driver": "1 DEREK GRAHAM View Laps", "Fastest Lap": "31.288 5", "Laps/Time": "10/5:18.300", "Pos": "6", "Qual": "1", "Std. Deviation": "0.48", "Top 3 Consecutive": "1:34.698"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (7, 1, 7, true, 7, 6, 8, '8/5:27.006', 327.006, '2 Laps', NULL, 2, 29.917, 4, 40.876, 30.39, NULL, NULL, 60.011, 91.937, 24.42, 40.25, '{"Avg Lap": "40.876", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "30.390", "Behind": "2 Laps", "Consistency": "40.25%", "Driver": "6 JOSÉ COLLINS View Laps", "Fastest Lap": "29.917 4", "Laps/Time": "8/5:27.006", "Pos": "7", "Qual": "6", "Std. Deviation": "24.42", "Top 3 Consecutive": "1:31.937"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (8, 1, 8, true, 8, 4, 6, '6/3:04.690', 184.69, '2 Laps', NULL, 2, 30.123, 6, 30.782, 30.649, NULL, NULL, 60.663, 92.098, 0.59, 98.07, '{"Avg Lap": "30.782", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "30.649", "Behind": "2 Laps", "Consistency": "98.07%", "Driver": "4 DEREK PEARSON View Laps", "Fastest Lap": "30.123 6", "Laps/Time": "6/3:04.690", "Pos": "8", "Qual": "4", "Std. Deviation": "0.59", "Top 3 Consecutive": "1:32.098"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (9, 2, 9, true, 1, 1, 10, '10/7:13.157', 433.157, NULL, NULL, NULL, 42.392, 5, 43.316, 42.726, 43.316, NULL, 85.582, 128.422, 1.13, 97.39, '{"Avg Lap": "43.316", "Avg Top 10": "43.316", "Avg Top 15": "", "Avg Top 5": "42.726", "Behind": "", "Consistency": "97.39%", "Driver": "1 PETER PARKER View Laps", "Fastest Lap": "42.392 5", "Laps/Time": "10/7:13.157", "Pos": "1", "Qual": "1", "Std. Deviation": "1.13", "Top 3 Consecutive": "2:08.422"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (10, 2, 10, true, 2, 3, 10, '10/7:15.354', 435.354, '2.197', 2.197, NULL, 41.226, 5, 43.535, 41.557, 43.535, NULL, 82.576, 124.81, 4.19, 90.39, '{"Avg Lap": "43.535", "Avg Top 10": "43.535", "Avg Top 15": "", "Avg Top 5": "41.557", "Behind": "2.197", "Consistency": "90.39%", "Driver": "3 MILES GIBSON View Laps", "Fastest Lap": "41.226 5", "Laps/Time": "10/7:15.354", "Pos": "2", "Qual": "3", "Std. Deviation": "4.19", "Top 3 Consecutive": "2:04.810"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (11, 2, 11, true, 3, 8, 10, '10/7:18.231', 438.231, '2.877', 2.877, NULL, 40.768, 4, 43.823, 41.341, 43.823, NULL, 81.916, 124.788, 5.52, 87.41, '{"Avg Lap": "43.823", "Avg Top 10": "43.823", "Avg Top 15": "", "Avg Top 5": "41.341", "Behind": "2.877", "Consistency": "87.41%", "Driver": "8 MARK DUNCAN View Laps", "Fastest Lap": "40.768 4", "Laps/Time": "10/7:18.231", "Pos": "3", "Qual": "8", "Std. Deviation": "5.52", "Top 3 Consecutive": "2:04.788"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (12, 2, 12, true, 4, 6, 10, '10/7:27.285', 447.285, '9.054', 9.054, NULL, 42.75, 8, 44.729, 43.144, 44.729, NULL, 85.837, 129.777, 3.25, 92.73, '{"Avg Lap": "44.729", "Avg Top 10": "44.729", "Avg Top 15": "", "Avg Top 5": "43.144", "Behind": "9.054", "Consistency": "92.73%", "Driver": "6 JOSÉ COLLINS View Laps", "Fastest Lap": "42.750 8", "Laps/Time": "10/7:27.285", "Pos": "4", "Qual": "6", "Std. Deviation": "3.25", "Top 3 Consecutive": "2:09.777"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (13, 2, 13, true, 5, 5, 9, '9/7:17.295', 437.295, '1 Lap', NULL, 1, 42.355, 3, 48.588, 42.902, NULL, NULL, 85.974, 128.974, 8.53, 82.46, '{"Avg Lap": "48.588", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "42.902", "Behind": "1 Lap", "Consistency": "82.46%", "Driver": "5 FINN STEWART View Laps", "Fastest Lap": "42.355 3", "Laps/Time": "9/7:17.295", "Pos": "5", "Qual": "5", "Std. Deviation": "8.53", "Top 3 Consecutive": "2:08.974"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (14, 2, 14, true, 6, 2, 7, '7/7:12.556', 432.556, '2 Laps', NULL, 2, 42.262, 3, 61.794, 46.229, NULL, NULL, 97.647, 141.719, 37.06, 40.03, '{"Avg Lap": "61.794", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "46.229", "Behind": "2 Laps", "Consistency": "40.03%", "Driver": "2 AARON JENSEN View Laps", "Fastest Lap": "42.262 3", "Laps/Time": "7/7:12.556", "Pos": "6", "Qual": "2", "Std. Deviation": "37.06", "Top 3 Consecutive": "2:21.719"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (15, 2, 15, false, 7, 4, 0, '0', NULL, '7 Laps', NULL, 7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{"Avg Lap": "", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "", "Behind": "7 Laps", "Consistency": "", "Driver": "4 JOSÉ NUÑEZ", "Fastest Lap": "", "Laps/Time": "0", "Pos": "7", "Qual": "4", "Std. Deviation": "", "Top 3 Consecutive": ""}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (16, 2, 16, false, 8, 7, 0, '0', NULL, '0.000', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{"Avg Lap": "", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "", "Behind": "0.000", "Consistency": "", "Driver": "7 VICTOR ANDERSON", "Fastest Lap": "", "Laps/Time": "0", "Pos": "8", "Qual": "7", "Std. Deviation": "", "Top 3 Consecutive": ""}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (17, 3, 17, true, 1, 6, 10, '10/7:01.650', 421.65, NULL, NULL, NULL, 41.073, 8, 42.165, 41.403, 42.165, NULL, 82.657, 124.253, 1.37, 96.76, '{"Avg Lap": "42.165", "Avg Top 10": "42.165", "Avg Top 15": "", "Avg Top 5": "41.403", "Behind": "", "Consistency": "96.76%", "Driver": "6 JOSÉ NUÑEZ View Laps", "Fastest Lap": "41.073 8", "Laps/Time": "10/7:01.650", "Pos": "1", "Qual": "6", "Std. Deviation": "1.37", "Top 3 Consecutive": "2:04.253"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (18, 3, 18, true, 2, 8, 10, '10/7:10.051', 430.051, '8.401', 8.401, NULL, 41.922, 4, 43.005, 42.46, 43.005, NULL, 84.563, 127.25, 0.85, 98.03, '{"Avg Lap": "43.005", "Avg Top 10": "43.005", "Avg Top 15": "", "Avg Top 5": "42.460", "Behind": "8.401", "Consistency": "98.03%", "Driver": "8 MASON REYNOLDS View Laps", "Fastest Lap": "41.922 4", "Laps/Time": "10/7:10.051", "Pos": "2", "Qual": "8", "Std. Deviation": "0.85", "Top 3 Consecutive": "2:07.250"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (19, 3, 19, true, 3, 2, 10, '10/7:14.643', 434.643, '4.592', 4.592, NULL, 42.06, 10, 43.464, 42.838, 43.464, NULL, 85.372, 128.382, 0.86, 98.03, '{"Avg Lap": "43.464", "Avg Top 10": "43.464", "Avg Top 15": "", "Avg Top 5": "42.838", "Behind": "4.592", "Consistency": "98.03%", "Driver": "2 JESSE HARPER View Laps", "Fastest Lap": "42.060 10", "Laps/Time": "10/7:14.643", "Pos": "3", "Qual": "2", "Std. Deviation": "0.86", "Top 3 Consecutive": "2:08.382"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (20, 3, 20, true, 4, 5, 10, '10/7:16.577', 436.577, '1.934', 1.934, NULL, 42.627, 5, 43.658, 42.974, 43.658, NULL, 85.504, 128.926, 1.11, 97.46, '{"Avg Lap": "43.658", "Avg Top 10": "43.658", "Avg Top 15": "", "Avg Top 5": "42.974", "Behind": "1.934", "Consistency": "97.46%", "Driver": "5 MARK NEWTON View Laps", "Fastest Lap": "42.627 5", "Laps/Time": "10/7:16.577", "Pos": "4", "Qual": "5", "Std. Deviation": "1.11", "Top 3 Consecutive": "2:08.926"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (21, 3, 21, true, 5, 3, 10, '10/7:24.492', 444.492, '7.915', 7.915, NULL, 43.474, 3, 44.449, 43.732, 44.449, NULL, 87.226, 131.753, 1.04, 97.67, '{"Avg Lap": "44.449", "Avg Top 10": "44.449", "Avg Top 15": "", "Avg Top 5": "43.732", "Behind": "7.915", "Consistency": "97.67%", "Driver": "3 JARED BRADLEY View Laps", "Fastest Lap": "43.474 3", "Laps/Time": "10/7:24.492", "Pos": "5", "Qual": "3", "Std. Deviation": "1.04", "Top 3 Consecutive": "2:11.753"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (22, 3, 22, true, 6, 1, 10, '10/7:28.859', 448.859, '4.367', 4.367, NULL, 44.095, 3, 44.886, 44.538, 44.886, NULL, 88.663, 133.252, 0.46, 98.98, '{"Avg Lap": "44.886", "Avg Top 10": "44.886", "Avg Top 15": "", "Avg Top 5": "44.538", "Behind": "4.367", "Consistency": "98.98%", "Driver": "1 SHANE O''CONNOR View Laps", "Fastest Lap": "44.095 3", "Laps/Time": "10/7:28.859", "Pos": "6", "Qual": "1", "Std. Deviation": "0.46", "Top 3 Consecutive": "2:13.252"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (23, 3, 23, true, 7, 7, 10, '10/7:41.623', 461.623, '12.764', 12.764, NULL, 41.86, 4, 46.162, 42.954, 46.162, NULL, 85.457, 128.583, 6.03, 86.93, '{"Avg Lap": "46.162", "Avg Top 10": "46.162", "Avg Top 15": "", "Avg Top 5": "42.954", "Behind": "12.764", "Consistency": "86.93%", "Driver": "7 ZANE GIBSON View Laps", "Fastest Lap": "41.860 4", "Laps/Time": "10/7:41.623", "Pos": "7", "Qual": "7", "Std. Deviation": "6.03", "Top 3 Consecutive": "2:08.583"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (24, 3, 24, true, 8, 4, 9, '9/7:08.954', 428.954, '1 Lap', NULL, 1, 44.367, 2, 47.662, 44.724, NULL, NULL, 88.939, 134.158, 6.9, 85.53, '{"Avg Lap": "47.662", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "44.724", "Behind": "1 Lap", "Consistency": "85.53%", "Driver": "4 IAN BAKER View Laps", "Fastest Lap": "44.367 2", "Laps/Time": "9/7:08.954", "Pos": "8", "Qual": "4", "Std. Deviation": "6.90", "Top 3 Consecutive": "2:14.158"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (25, 4, 25, true, 1, 4, 10, '10/5:00.265', 300.265, NULL, NULL, NULL, 28.575, 6, 30.027, 29.343, 30.027, NULL, 58.31, 88.12, 1.45, 95.19, '{"Avg Lap": "30.027", "Avg Top 10": "30.027", "Avg Top 15": "", "Avg Top 5": "29.343", "Behind": "", "Consistency": "95.19%", "Driver": "4 AARON BARNES View Laps", "Fastest Lap": "28.575 6", "Laps/Time": "10/5:00.265", "Pos": "1", "Qual": "4", "Std. Deviation": "1.45", "Top 3 Consecutive": "1:28.120"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (26, 4, 26, true, 2, 2, 10, '10/5:01.700', 301.7, '1.435', 1.435, NULL, 29.011, 7, 30.17, 29.346, 30.17, NULL, 58.356, 88.158, 1.29, 95.71, '{"Avg Lap": "30.170", "Avg Top 10": "30.170", "Avg Top 15": "", "Avg Top 5": "29.346", "Behind": "1.435", "Consistency": "95.71%", "Driver": "2 MILES GIBSON View Laps", "Fastest Lap": "29.011 7", "Laps/Time": "10/5:01.700", "Pos": "2", "Qual": "2", "Std. Deviation": "1.29", "Top 3 Consecutive": "1:28.158"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (27, 4, 27, true, 3, 1, 10, '10/5:02.915', 302.915, '1.215', 1.215, NULL, 29.136, 2, 30.292, 29.735, 30.292, NULL, 59.207, 89.467, 1.05, 96.54, '{"Avg Lap": "30.292", "Avg Top 10": "30.292", "Avg Top 15": "", "Avg Top 5": "29.735", "Behind": "1.215", "Consistency": "96.54%", "Driver": "1 1 ZANE GIBSON View Laps", "Fastest Lap": "29.136 2", "Laps/Time": "10/5:02.915", "Pos": "3", "Qual": "1", "Std. Deviation": "1.05", "Top 3 Consecutive": "1:29.467"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (28, 4, 28, true, 4, 3, 10, '10/5:10.935', 310.935, '8.020', 8.02, NULL, 30.112, 5, 31.094, 30.554, 31.094, NULL, 61.395, 92.179, 0.89, 97.14, '{"Avg Lap": "31.094", "Avg Top 10": "31.094", "Avg Top 15": "", "Avg Top 5": "30.554", "Behind": "8.020", "Consistency": "97.14%", "Driver": "3 CHASE HENDERSON View Laps", "Fastest Lap": "30.112 5", "Laps/Time": "10/5:10.935", "Pos": "4", "Qual": "3", "Std. Deviation": "0.89", "Top 3 Consecutive": "1:32.179"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (29, 4, 29, true, 5, 8, 10, '10/5:18.538', 318.538, '7.603', 7.603, NULL, 29.835, 8, 31.854, 30.163, 31.854, NULL, 60.054, 90.134, 4.23, 86.73, '{"Avg Lap": "31.854", "Avg Top 10": "31.854", "Avg Top 15": "", "Avg Top 5": "30.163", "Behind": "7.603", "Consistency": "86.73%", "Driver": "8 DEREK PEARSON View Laps", "Fastest Lap": "29.835 8", "Laps/Time": "10/5:18.538", "Pos": "5", "Qual": "8", "Std. Deviation": "4.23", "Top 3 Consecutive": "1:30.134"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (30, 4, 30, true, 6, 7, 10, '10/5:23.311', 323.311, '4.773', 4.773, NULL, 30.017, 5, 32.331, 30.621, 32.331, NULL, 60.661, 91.852, 3.66, 88.7, '{"Avg Lap": "32.331", "Avg Top 10": "32.331", "Avg Top 15": "", "Avg Top 5": "30.621", "Behind": "4.773", "Consistency": "88.70%", "Driver": "7 JOSÉ COLLINS View Laps", "Fastest Lap": "30.017 5", "Laps/Time": "10/5:23.311", "Pos": "6", "Qual": "7", "Std. Deviation": "3.66", "Top 3 Consecutive": "1:31.852"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (31, 4, 31, true, 7, 5, 10, '10/5:27.234', 327.234, '3.923', 3.923, NULL, 30.722, 8, 32.723, 30.849, 32.723, NULL, 61.552, 93.1, 4.01, 87.76, '{"Avg Lap": "32.723", "Avg Top 10": "32.723", "Avg Top 15": "", "Avg Top 5": "30.849", "Behind": "3.923", "Consistency": "87.76%", "Driver": "5 SEAN UNDERWOOD View Laps", "Fastest Lap": "30.722 8", "Laps/Time": "10/5:27.234", "Pos": "7", "Qual": "5", "Std. Deviation": "4.01", "Top 3 Consecutive": "1:33.100"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (32, 4, 32, false, 8, 6, 0, '0', NULL, '10 Laps', NULL, 10, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{"Avg Lap": "", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "", "Behind": "10 Laps", "Consistency": "", "Driver": "6 DEREK GRAHAM", "Fastest Lap": "", "Laps/Time": "0", "Pos": "8", "Qual": "6", "Std. Deviation": "", "Top 3 Consecutive": ""}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (33, 5, 33, true, 1, 8, 10, '10/7:03.585', 423.585, NULL, NULL, NULL, 40.962, 5, 42.359, 41.504, 42.359, NULL, 82.15, 124.059, 1.48, 96.5, '{"Avg Lap": "42.359", "Avg Top 10": "42.359", "Avg Top 15": "", "Avg Top 5": "41.504", "Behind": "", "Consistency": "96.50%", "Driver": "8 JOSÉ NUÑEZ View Laps", "Fastest Lap": "40.962 5", "Laps/Time": "10/7:03.585", "Pos": "1", "Qual": "8", "Std. Deviation": "1.48", "Top 3 Consecutive": "2:04.059"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (34, 5, 34, true, 2, 7, 10, '10/7:10.870', 430.87, '7.285', 7.285, NULL, 41.421, 8, 43.087, 41.928, 43.087, NULL, 83.59, 127.103, 1.38, 96.79, '{"Avg Lap": "43.087", "Avg Top 10": "43.087", "Avg Top 15": "", "Avg Top 5": "41.928", "Behind": "7.285", "Consistency": "96.79%", "Driver": "7 VICTOR ANDERSON View Laps", "Fastest Lap": "41.421 8", "Laps/Time": "10/7:10.870", "Pos": "2", "Qual": "7", "Std. Deviation": "1.38", "Top 3 Consecutive": "2:07.103"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (35, 5, 35, true, 3, 6, 10, '10/7:15.374', 435.374, '4.504', 4.504, NULL, 41.946, 9, 43.537, 42.769, 43.537, NULL, 84.807, 127.94, 1.04, 97.61, '{"Avg Lap": "43.537", "Avg Top 10": "43.537", "Avg Top 15": "", "Avg Top 5": "42.769", "Behind": "4.504", "Consistency": "97.61%", "Driver": "6 AARON JENSEN View Laps", "Fastest Lap": "41.946 9", "Laps/Time": "10/7:15.374", "Pos": "3", "Qual": "6", "Std. Deviation": "1.04", "Top 3 Consecutive": "2:07.940"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (36, 5, 36, true, 4, 2, 10, '10/7:16.310', 436.31, '0.936', 0.936, NULL, 40.657, 9, 43.631, 41.748, 43.631, NULL, 82.516, 125.112, 3.96, 90.94, '{"Avg Lap": "43.631", "Avg Top 10": "43.631", "Avg Top 15": "", "Avg Top 5": "41.748", "Behind": "0.936", "Consistency": "90.94%", "Driver": "2 MILES GIBSON View Laps", "Fastest Lap": "40.657 9", "Laps/Time": "10/7:16.310", "Pos": "4", "Qual": "2", "Std. Deviation": "3.96", "Top 3 Consecutive": "2:05.112"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (37, 5, 37, true, 5, 5, 10, '10/7:48.821', 468.821, '32.511', 32.511, NULL, 42.34, 9, 46.882, 43.366, 46.882, NULL, 87.126, 130.358, 6.24, 86.7, '{"Avg Lap": "46.882", "Avg Top 10": "46.882", "Avg Top 15": "", "Avg Top 5": "43.366", "Behind": "32.511", "Consistency": "86.70%", "Driver": "5 FINN STEWART View Laps", "Fastest Lap": "42.340 9", "Laps/Time": "10/7:48.821", "Pos": "5", "Qual": "5", "Std. Deviation": "6.24", "Top 3 Consecutive": "2:10.358"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (38, 5, 38, true, 6, 3, 4, '4/2:47.354', 167.354, '6 Laps', NULL, 6, 39.993, 3, 41.839, NULL, NULL, NULL, 81.446, 123.376, 1.65, 96.06, '{"Avg Lap": "41.839", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "", "Behind": "6 Laps", "Consistency": "96.06%", "Driver": "3 MARK DUNCAN View Laps", "Fastest Lap": "39.993 3", "Laps/Time": "4/2:47.354", "Pos": "6", "Qual": "3", "Std. Deviation": "1.65", "Top 3 Consecutive": "2:03.376"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (39, 5, 39, false, 7, 1, 0, '0', NULL, '4 Laps', NULL, 4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{"Avg Lap": "", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "", "Behind": "4 Laps", "Consistency": "", "Driver": "1 PETER PARKER", "Fastest Lap": "", "Laps/Time": "0", "Pos": "7", "Qual": "1", "Std. Deviation": "", "Top 3 Consecutive": ""}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (40, 5, 40, false, 8, 4, 0, '0', NULL, '0.000', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{"Avg Lap": "", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "", "Behind": "0.000", "Consistency": "", "Driver": "4 JOSÉ COLLINS", "Fastest Lap": "", "Laps/Time": "0", "Pos": "8", "Qual": "4", "Std. Deviation": "", "Top 3 Consecutive": ""}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (41, 6, 41, true, 1, 1, 11, '11/7:37.966', 457.966, NULL, NULL, NULL, 41.003, 9, 41.633, 41.216, 41.411, NULL, 82.316, 123.578, 0.78, 98.13, '{"Avg Lap": "41.633", "Avg Top 10": "41.411", "Avg Top 15": "", "Avg Top 5": "41.216", "Behind": "", "Consistency": "98.13%", "Driver": "1 JOSÉ NUÑEZ View Laps", "Fastest Lap": "41.003 9", "Laps/Time": "11/7:37.966", "Pos": "1", "Qual": "1", "Std. Deviation": "0.78", "Top 3 Consecutive": "2:03.578"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (42, 6, 42, true, 2, 4, 10, '10/7:10.292', 430.292, '1 Lap', NULL, 1, 41.482, 5, 43.029, 42.362, 43.029, NULL, 84.023, 126.719, 0.98, 97.73, '{"Avg Lap": "43.029", "Avg Top 10": "43.029", "Avg Top 15": "", "Avg Top 5": "42.362", "Behind": "1 Lap", "Consistency": "97.73%", "Driver": "4 MARK NEWTON View Laps", "Fastest Lap": "41.482 5", "Laps/Time": "10/7:10.292", "Pos": "2", "Qual": "4", "Std. Deviation": "0.98", "Top 3 Consecutive": "2:06.719"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (43, 6, 43, true, 3, 2, 10, '10/7:23.721', 443.721, '13.429', 13.429, NULL, 42.148, 4, 44.372, 42.63, 44.372, NULL, 85.029, 128.266, 3.79, 91.46, '{"Avg Lap": "44.372", "Avg Top 10": "44.372", "Avg Top 15": "", "Avg Top 5": "42.630", "Behind": "13.429", "Consistency": "91.46%", "Driver": "2 MASON REYNOLDS View Laps", "Fastest Lap": "42.148 4", "Laps/Time": "10/7:23.721", "Pos": "3", "Qual": "2", "Std. Deviation": "3.79", "Top 3 Consecutive": "2:08.266"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (44, 6, 44, true, 4, 7, 10, '10/7:24.930', 444.93, '1.209', 1.209, NULL, 41.848, 7, 44.493, 42.305, 44.493, NULL, 84.372, 127.136, 5.21, 88.29, '{"Avg Lap": "44.493", "Avg Top 10": "44.493", "Avg Top 15": "", "Avg Top 5": "42.305", "Behind": "1.209", "Consistency": "88.29%", "Driver": "7 ZANE GIBSON View Laps", "Fastest Lap": "41.848 7", "Laps/Time": "10/7:24.930", "Pos": "4", "Qual": "7", "Std. Deviation": "5.21", "Top 3 Consecutive": "2:07.136"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (45, 6, 45, true, 5, 6, 10, '10/7:31.297', 451.297, '6.367', 6.367, NULL, 43.052, 2, 45.13, 43.633, 45.13, NULL, 87.455, 132.183, 3.17, 92.97, '{"Avg Lap": "45.130", "Avg Top 10": "45.130", "Avg Top 15": "", "Avg Top 5": "43.633", "Behind": "6.367", "Consistency": "92.97%", "Driver": "6 SHANE O''CONNOR View Laps", "Fastest Lap": "43.052 2", "Laps/Time": "10/7:31.297", "Pos": "5", "Qual": "6", "Std. Deviation": "3.17", "Top 3 Consecutive": "2:12.183"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (46, 6, 46, true, 6, 3, 9, '9/7:00.213', 420.213, '1 Lap', NULL, 1, 42.97, 2, 46.69, 43.613, NULL, NULL, 87.758, 131.827, 6.01, 87.13, '{"Avg Lap": "46.690", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "43.613", "Behind": "1 Lap", "Consistency": "87.13%", "Driver": "3 JESSE HARPER View Laps", "Fastest Lap": "42.970 2", "Laps/Time": "9/7:00.213", "Pos": "6", "Qual": "3", "Std. Deviation": "6.01", "Top 3 Consecutive": "2:11.827"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (47, 6, 47, true, 7, 5, 9, '9/7:03.387', 423.387, '3.174', 3.174, NULL, 43.844, 2, 47.043, 44.232, NULL, NULL, 88.197, 132.901, 5.15, 89.05, '{"Avg Lap": "47.043", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "44.232", "Behind": "3.174", "Consistency": "89.05%", "Driver": "5 JARED BRADLEY View Laps", "Fastest Lap": "43.844 2", "Laps/Time": "9/7:03.387", "Pos": "7", "Qual": "5", "Std. Deviation": "5.15", "Top 3 Consecutive": "2:12.901"}');
INSERT INTO public.race_results (id, race_id, race_driver_id, started, position_final, qualifying_position, laps_completed, total_time_raw, total_time_seconds, behind_raw, behind_seconds, behind_laps, fast_lap_time, fast_lap_number, avg_lap_time, avg_top5, avg_top10, avg_top15, top2_consecutive, top3_consecutive, std_deviation, consistency, raw_cells) VALUES (48, 6, 48, true, 8, 8, 9, '9/7:07.468', 427.468, '4.081', 4.081, NULL, 45.645, 9, 47.496, 46.1, NULL, NULL, 91.875, 138.363, 2.52, 94.69, '{"Avg Lap": "47.496", "Avg Top 10": "", "Avg Top 15": "", "Avg Top 5": "46.100", "Behind": "4.081", "Consistency": "94.69%", "Driver": "8 IAN BAKER View Laps", "Fastest Lap": "45.645 9", "Laps/Time": "9/7:07.468", "Pos": "8", "Qual": "8", "Std. Deviation": "2.52", "Top 3 Consecutive": "2:18.363"}');


--
-- Data for Name: laps; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (1, 1, 1, 31.877, '31.877', 2, '10/5:18.770', 31.877);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (2, 1, 2, 28.557, '28.557', 1, '10/5:02.170', 60.434);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (3, 1, 3, 29.162, '29.162', 1, '11/5:28.519', 89.596);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (4, 1, 4, 30.163, '30.163', 1, '11/5:29.338', 119.759);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (5, 1, 5, 29.106, '29.106', 1, '11/5:27.503', 148.865);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (6, 1, 6, 28.793, '28.793', 1, '11/5:25.707', 177.658);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (7, 1, 7, 29.019, '29.019', 1, '11/5:24.779', 206.677);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (8, 1, 8, 29.415, '29.415', 1, '11/5:24.627', 236.092);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (9, 1, 9, 29.088, '29.088', 1, '11/5:24.109', 265.18);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (10, 1, 10, 30.25, '30.25', 1, '11/5:24.973', 295.43);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (11, 1, 11, 29.183, '29.183', 1, '11/5:24.613', 324.613);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (12, 2, 1, 33.093, '33.093', 6, '10/5:30.930', 33.093);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (13, 2, 2, 29.122, '29.122', 3, '10/5:11.075', 62.215);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (14, 2, 3, 30.032, '30.032', 3, '10/5:07.490', 92.247);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (15, 2, 4, 29.093, '29.093', 2, '10/5:03.350', 121.34);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (16, 2, 5, 29.41, '29.41', 2, '10/5:01.500', 150.75);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (17, 2, 6, 29.393, '29.393', 2, '10/5:00.239', 180.143);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (18, 2, 7, 30.637, '30.637', 2, '10/5:01.115', 210.78);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (19, 2, 8, 28.652, '28.652', 2, '11/5:29.219', 239.432);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (20, 2, 9, 29.566, '29.566', 2, '11/5:28.776', 268.998);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (21, 2, 10, 28.98, '28.98', 2, '11/5:27.776', 297.978);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (22, 2, 11, 29.285, '29.285', 2, '11/5:27.263', 327.263);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (23, 3, 1, 33.921, '33.921', 8, '9/5:05.289', 33.921);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (24, 3, 2, 30.396, '30.396', 6, '10/5:21.585', 64.317);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (25, 3, 3, 31.033, '31.033', 6, '10/5:17.834', 95.35);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (26, 3, 4, 31.558, '31.558', 5, '10/5:17.270', 126.908);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (27, 3, 5, 30.512, '30.512', 4, '10/5:14.840', 157.42);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (28, 3, 6, 30.924, '30.924', 4, '10/5:13.907', 188.344);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (29, 3, 7, 30.2, '30.2', 3, '10/5:12.206', 218.544);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (30, 3, 8, 30.573, '30.573', 3, '10/5:11.397', 249.117);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (31, 3, 9, 30.536, '30.536', 3, '10/5:10.726', 279.653);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (32, 3, 10, 30.695, '30.695', 3, '10/5:10.348', 310.348);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (33, 4, 1, 32.365, '32.365', 3, '10/5:23.650', 32.365);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (34, 4, 2, 30.141, '30.141', 4, '10/5:12.530', 62.506);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (35, 4, 3, 29.566, '29.566', 2, '10/5:06.907', 92.072);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (36, 4, 4, 43.918, '43.918', 7, '9/5:05.978', 135.99);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (37, 4, 5, 29.407, '29.407', 7, '10/5:30.794', 165.397);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (38, 4, 6, 30.405, '30.405', 7, '10/5:26.337', 195.802);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (39, 4, 7, 29.204, '29.204', 6, '10/5:21.438', 225.006);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (40, 4, 8, 28.844, '28.844', 5, '10/5:17.313', 253.85);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (41, 4, 9, 30.227, '30.227', 5, '10/5:15.642', 284.077);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (42, 4, 10, 29.311, '29.311', 4, '10/5:13.388', 313.388);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (43, 5, 1, 32.616, '32.616', 4, '10/5:26.160', 32.616);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (44, 5, 2, 31.39, '31.39', 5, '10/5:20.030', 64.006);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (45, 5, 3, 31.141, '31.141', 5, '10/5:17.157', 95.147);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (46, 5, 4, 31.135, '31.135', 4, '10/5:15.705', 126.282);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (47, 5, 5, 31.685, '31.685', 5, '10/5:15.934', 157.967);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (48, 5, 6, 31.168, '31.168', 5, '10/5:15.225', 189.135);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (49, 5, 7, 31.141, '31.141', 4, '10/5:14.680', 220.276);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (50, 5, 8, 30.881, '30.881', 4, '10/5:13.947', 251.157);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (51, 5, 9, 31.385, '31.385', 4, '10/5:13.936', 282.542);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (52, 5, 10, 31.483, '31.483', 5, '10/5:14.025', 314.025);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (53, 6, 1, 32.91, '32.91', 5, '10/5:29.100', 32.91);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (54, 6, 2, 31.411, '31.411', 7, '10/5:21.605', 64.321);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (55, 6, 3, 31.722, '31.722', 7, '10/5:20.144', 96.043);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (56, 6, 4, 31.738, '31.738', 6, '10/5:19.453', 127.781);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (57, 6, 5, 31.288, '31.288', 6, '10/5:18.138', 159.069);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (58, 6, 6, 31.672, '31.672', 6, '10/5:17.902', 190.741);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (59, 6, 7, 32.401, '32.401', 5, '10/5:18.775', 223.142);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (60, 6, 8, 31.802, '31.802', 6, '10/5:18.680', 254.944);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (61, 6, 9, 31.562, '31.562', 6, '10/5:18.340', 286.506);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (62, 6, 10, 31.794, '31.794', 6, '10/5:18.300', 318.3);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (63, 7, 1, 33.678, '33.678', 7, '9/5:03.102', 33.678);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (64, 7, 2, 100.649, '100.649', 8, '5/5:35.818', 134.327);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (65, 7, 3, 30.094, '30.094', 8, '6/5:28.842', 164.421);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (66, 7, 4, 29.917, '29.917', 8, '7/5:40.092', 194.338);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (67, 7, 5, 40.731, '40.731', 8, '7/5:29.097', 235.069);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (68, 7, 6, 30.311, '30.311', 8, '7/5:09.610', 265.38);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (69, 7, 7, 30.872, '30.872', 7, '8/5:38.574', 296.252);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (70, 7, 8, 30.754, '30.754', 7, '8/5:27.006', 327.006);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (71, 8, 1, 31.446, '31.446', 1, '10/5:14.460', 31.446);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (72, 8, 2, 30.174, '30.174', 2, '10/5:08.100', 61.62);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (73, 8, 3, 30.972, '30.972', 4, '10/5:08.640', 92.592);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (74, 8, 4, 31.435, '31.435', 3, '10/5:10.068', 124.027);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (75, 8, 5, 30.54, '30.54', 3, '10/5:09.134', 154.567);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (76, 8, 6, 30.123, '30.123', 3, '10/5:07.817', 184.69);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (77, 9, 1, 46.404, '46.404', 3, '10/7:44.040', 46.404);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (78, 9, 2, 42.765, '42.765', 3, '10/7:25.845', 89.169);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (79, 9, 3, 42.84, '42.84', 3, '10/7:20.030', 132.009);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (80, 9, 4, 43.19, '43.19', 3, '10/7:17.998', 175.199);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (81, 9, 5, 42.392, '42.392', 3, '10/7:15.182', 217.591);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (82, 9, 6, 43.286, '43.286', 2, '10/7:14.795', 260.877);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (83, 9, 7, 43.294, '43.294', 1, '10/7:14.530', 304.171);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (84, 9, 8, 43.352, '43.352', 1, '10/7:14.404', 347.523);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (85, 9, 9, 42.952, '42.952', 1, '10/7:13.862', 390.475);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (86, 9, 10, 42.682, '42.682', 1, '10/7:13.157', 433.157);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (87, 10, 1, 45.159, '45.159', 1, '10/7:31.590', 45.159);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (88, 10, 2, 42.2, '42.2', 2, '10/7:16.795', 87.359);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (89, 10, 3, 42.986, '42.986', 2, '10/7:14.484', 130.345);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (90, 10, 4, 41.35, '41.35', 2, '10/7:09.238', 171.695);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (91, 10, 5, 41.226, '41.226', 2, '10/7:05.842', 212.921);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (92, 10, 6, 42.234, '42.234', 1, '10/7:05.259', 255.155);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (93, 10, 7, 54.988, '54.988', 3, '10/7:23.062', 310.143);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (94, 10, 8, 41.287, '41.287', 3, '10/7:19.288', 351.43);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (95, 10, 9, 41.833, '41.833', 2, '10/7:16.959', 393.263);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (96, 10, 10, 42.091, '42.091', 2, '10/7:15.354', 435.354);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (97, 11, 1, 45.263, '45.263', 2, '10/7:32.630', 45.263);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (98, 11, 2, 41.658, '41.658', 1, '10/7:14.605', 86.921);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (99, 11, 3, 42.982, '42.982', 1, '10/7:13.010', 129.903);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (100, 11, 4, 40.768, '40.768', 1, '10/7:06.678', 170.671);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (101, 11, 5, 41.148, '41.148', 1, '10/7:03.638', 211.819);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (102, 11, 6, 59.099, '59.099', 4, '10/7:31.530', 270.918);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (103, 11, 7, 41.56, '41.56', 4, '10/7:26.398', 312.478);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (104, 11, 8, 41.575, '41.575', 4, '10/7:22.567', 354.053);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (105, 11, 9, 41.653, '41.653', 3, '10/7:19.674', 395.706);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (106, 11, 10, 42.525, '42.525', 3, '10/7:18.231', 438.231);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (107, 12, 1, 46.826, '46.826', 4, '9/7:01.434', 46.826);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (108, 12, 2, 43.241, '43.241', 4, '10/7:30.335', 90.067);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (109, 12, 3, 43.116, '43.116', 4, '10/7:23.944', 133.183);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (110, 12, 4, 43.524, '43.524', 4, '10/7:21.768', 176.707);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (111, 12, 5, 43.628, '43.628', 4, '10/7:20.670', 220.335);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (112, 12, 6, 43.94, '43.94', 3, '10/7:20.459', 264.275);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (113, 12, 7, 43.087, '43.087', 2, '10/7:19.089', 307.362);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (114, 12, 8, 42.75, '42.75', 2, '10/7:17.640', 350.112);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (115, 12, 9, 53.392, '53.392', 4, '10/7:28.338', 403.504);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (116, 12, 10, 43.781, '43.781', 4, '10/7:27.285', 447.285);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (117, 13, 1, 62.733, '62.733', 6, '7/7:19.131', 62.733);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (118, 13, 2, 44.06, '44.06', 6, '8/7:07.172', 106.793);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (119, 13, 3, 42.355, '42.355', 6, '9/7:27.444', 149.148);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (120, 13, 4, 54.702, '54.702', 5, '9/7:38.663', 203.85);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (121, 13, 5, 43, '43', 5, '9/7:24.330', 246.85);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (122, 13, 6, 43.073, '43.073', 5, '9/7:14.885', 289.923);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (123, 13, 7, 42.901, '42.901', 5, '9/7:07.917', 332.824);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (124, 13, 8, 61.291, '61.291', 5, '9/7:23.380', 394.115);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (125, 13, 9, 43.18, '43.18', 5, '9/7:17.295', 437.295);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (126, 14, 1, 47.166, '47.166', 5, '9/7:04.494', 47.166);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (127, 14, 2, 56.491, '56.491', 5, '9/7:46.457', 103.657);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (128, 14, 3, 42.262, '42.262', 5, '9/7:17.757', 145.919);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (129, 14, 4, 144.918, '144.918', 6, '6/7:16.256', 290.837);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (130, 14, 5, 44.072, '44.072', 6, '7/7:48.873', 334.909);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (131, 14, 6, 54.131, '54.131', 6, '7/7:33.880', 389.04);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (132, 14, 7, 43.516, '43.516', 6, '7/7:12.556', 432.556);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (133, 17, 1, 45.75, '45.75', 5, '10/7:37.500', 45.75);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (134, 17, 2, 42.121, '42.121', 1, '10/7:19.355', 87.871);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (135, 17, 3, 41.596, '41.596', 1, '10/7:11.557', 129.467);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (136, 17, 4, 41.544, '41.544', 1, '10/7:07.528', 171.011);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (137, 17, 5, 41.113, '41.113', 1, '10/7:04.248', 212.124);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (138, 17, 6, 42.855, '42.855', 1, '10/7:04.965', 254.979);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (139, 17, 7, 41.725, '41.725', 1, '10/7:03.863', 296.704);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (140, 17, 8, 41.073, '41.073', 1, '10/7:02.222', 337.777);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (141, 17, 9, 41.688, '41.688', 1, '10/7:01.628', 379.465);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (142, 17, 10, 42.185, '42.185', 1, '10/7:01.650', 421.65);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (143, 18, 1, 44.976, '44.976', 2, '10/7:29.760', 44.976);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (144, 18, 2, 42.987, '42.987', 2, '10/7:19.815', 87.963);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (145, 18, 3, 42.641, '42.641', 2, '10/7:15.347', 130.604);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (146, 18, 4, 41.922, '41.922', 2, '10/7:11.315', 172.526);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (147, 18, 5, 42.687, '42.687', 2, '10/7:10.426', 215.213);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (148, 18, 6, 43.263, '43.263', 2, '10/7:10.794', 258.476);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (149, 18, 7, 42.394, '42.394', 2, '10/7:09.815', 300.87);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (150, 18, 8, 43.739, '43.739', 2, '10/7:10.762', 344.609);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (151, 18, 9, 42.656, '42.656', 2, '10/7:10.295', 387.265);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (152, 18, 10, 42.786, '42.786', 2, '10/7:10.051', 430.051);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (153, 19, 1, 45.141, '45.141', 4, '10/7:31.410', 45.141);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (154, 19, 2, 43.659, '43.659', 4, '10/7:24.000', 88.8);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (155, 19, 3, 43.438, '43.438', 4, '10/7:20.794', 132.238);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (156, 19, 4, 44.157, '44.157', 4, '10/7:20.988', 176.395);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (157, 19, 5, 43.1, '43.1', 4, '10/7:18.990', 219.495);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (158, 19, 6, 44.06, '44.06', 4, '10/7:19.259', 263.555);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (159, 19, 7, 42.706, '42.706', 3, '10/7:17.516', 306.261);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (160, 19, 8, 43.01, '43.01', 3, '10/7:16.589', 349.271);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (161, 19, 9, 43.312, '43.312', 3, '10/7:16.204', 392.583);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (162, 19, 10, 42.06, '42.06', 3, '10/7:14.643', 434.643);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (163, 20, 1, 46.462, '46.462', 6, '10/7:44.620', 46.462);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (164, 20, 2, 43.8, '43.8', 6, '10/7:31.310', 90.262);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (165, 20, 3, 43.571, '43.571', 6, '10/7:26.110', 133.833);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (166, 20, 4, 42.877, '42.877', 5, '10/7:21.775', 176.71);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (167, 20, 5, 42.627, '42.627', 3, '10/7:18.674', 219.337);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (168, 20, 6, 43.422, '43.422', 3, '10/7:17.932', 262.759);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (169, 20, 7, 44.314, '44.314', 4, '10/7:18.676', 307.073);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (170, 20, 8, 43.559, '43.559', 4, '10/7:18.290', 350.632);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (171, 20, 9, 43.102, '43.102', 4, '10/7:17.483', 393.734);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (172, 20, 10, 42.843, '42.843', 4, '10/7:16.577', 436.577);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (173, 21, 1, 46.905, '46.905', 7, '9/7:02.145', 46.905);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (174, 21, 2, 45.185, '45.185', 7, '10/7:40.450', 92.09);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (175, 21, 3, 43.474, '43.474', 7, '10/7:31.880', 135.564);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (176, 21, 4, 43.752, '43.752', 7, '10/7:28.290', 179.316);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (177, 21, 5, 45.019, '45.019', 6, '10/7:28.670', 224.335);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (178, 21, 6, 43.721, '43.721', 5, '10/7:26.760', 268.056);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (179, 21, 7, 43.646, '43.646', 5, '10/7:25.289', 311.702);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (180, 21, 8, 44.386, '44.386', 5, '10/7:25.110', 356.088);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (181, 21, 9, 44.067, '44.067', 5, '10/7:24.617', 400.155);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (182, 21, 10, 44.337, '44.337', 5, '10/7:24.492', 444.492);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (183, 22, 1, 45.121, '45.121', 3, '10/7:31.210', 45.121);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (184, 22, 2, 44.568, '44.568', 5, '10/7:28.445', 89.689);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (185, 22, 3, 44.095, '44.095', 5, '10/7:25.947', 133.784);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (186, 22, 4, 44.589, '44.589', 6, '10/7:25.933', 178.373);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (187, 22, 5, 45.707, '45.707', 5, '10/7:28.160', 224.08);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (188, 22, 6, 44.89, '44.89', 6, '10/7:28.284', 268.97);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (189, 22, 7, 44.864, '44.864', 6, '10/7:28.335', 313.834);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (190, 22, 8, 45.328, '45.328', 6, '10/7:28.953', 359.162);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (191, 22, 9, 44.575, '44.575', 6, '10/7:28.597', 403.737);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (192, 22, 10, 45.122, '45.122', 6, '10/7:28.859', 448.859);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (193, 23, 1, 44.925, '44.925', 1, '10/7:29.250', 44.925);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (194, 23, 2, 43.126, '43.126', 3, '10/7:20.255', 88.051);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (195, 23, 3, 43.597, '43.597', 3, '10/7:18.827', 131.648);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (196, 23, 4, 41.86, '41.86', 3, '10/7:13.770', 173.508);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (197, 23, 5, 59.741, '59.741', 8, '10/7:46.498', 233.249);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (198, 23, 6, 43.478, '43.478', 8, '10/7:41.212', 276.727);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (199, 23, 7, 54.866, '54.866', 8, '9/7:06.334', 331.593);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (200, 23, 8, 43.726, '43.726', 8, '9/7:02.234', 375.319);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (201, 23, 9, 43.532, '43.532', 7, '10/7:45.390', 418.851);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (202, 23, 10, 42.772, '42.772', 7, '10/7:41.623', 461.623);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (203, 24, 1, 49.431, '49.431', 8, '9/7:24.879', 49.431);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (204, 24, 2, 44.367, '44.367', 8, '9/7:02.091', 93.798);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (205, 24, 3, 44.572, '44.572', 8, '10/7:41.234', 138.37);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (206, 24, 4, 45.219, '45.219', 8, '10/7:38.973', 183.589);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (207, 24, 5, 44.778, '44.778', 7, '10/7:36.734', 228.367);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (208, 24, 6, 44.916, '44.916', 7, '10/7:35.472', 273.283);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (209, 24, 7, 45.094, '45.094', 7, '10/7:34.825', 318.377);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (210, 24, 8, 44.989, '44.989', 7, '10/7:34.208', 363.366);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (211, 24, 9, 65.588, '65.588', 8, '9/7:08.954', 428.954);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (212, 25, 1, 33.974, '33.974', 6, '9/5:05.766', 33.974);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (213, 25, 2, 29.488, '29.488', 2, '10/5:17.310', 63.462);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (214, 25, 3, 29.967, '29.967', 3, '10/5:11.430', 93.429);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (215, 25, 4, 29.577, '29.577', 3, '10/5:07.515', 123.006);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (216, 25, 5, 30.062, '30.062', 3, '10/5:06.136', 153.068);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (217, 25, 6, 28.575, '28.575', 1, '10/5:02.739', 181.643);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (218, 25, 7, 29.735, '29.735', 2, '10/5:01.969', 211.378);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (219, 25, 8, 29.81, '29.81', 2, '10/5:01.485', 241.188);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (220, 25, 9, 29.514, '29.514', 1, '10/5:00.780', 270.702);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (221, 25, 10, 29.563, '29.563', 1, '10/5:00.265', 300.265);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (222, 26, 1, 33.426, '33.426', 4, '9/5:00.834', 33.426);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (223, 26, 2, 30.443, '30.443', 3, '10/5:19.345', 63.869);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (224, 26, 3, 29.054, '29.054', 2, '10/5:09.744', 92.923);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (225, 26, 4, 29.593, '29.593', 1, '10/5:06.290', 122.516);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (226, 26, 5, 29.727, '29.727', 1, '10/5:04.486', 152.243);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (227, 26, 6, 29.802, '29.802', 2, '10/5:03.409', 182.045);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (228, 26, 7, 29.011, '29.011', 1, '10/5:01.509', 211.056);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (229, 26, 8, 29.345, '29.345', 1, '10/5:00.502', 240.401);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (230, 26, 9, 30.574, '30.574', 2, '10/5:01.084', 270.975);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (231, 26, 10, 30.725, '30.725', 2, '10/5:01.700', 301.7);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (232, 27, 1, 33.071, '33.071', 2, '10/5:30.710', 33.071);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (233, 27, 2, 29.136, '29.136', 1, '10/5:11.035', 62.207);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (234, 27, 3, 30.071, '30.071', 1, '10/5:07.594', 92.278);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (235, 27, 4, 30.369, '30.369', 2, '10/5:06.618', 122.647);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (236, 27, 5, 30.406, '30.406', 2, '10/5:06.106', 153.053);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (237, 27, 6, 30.135, '30.135', 3, '10/5:05.314', 183.188);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (238, 27, 7, 30.26, '30.26', 3, '10/5:04.926', 213.448);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (239, 27, 8, 29.968, '29.968', 3, '10/5:04.270', 243.416);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (240, 27, 9, 29.635, '29.635', 3, '10/5:03.390', 273.051);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (241, 27, 10, 29.864, '29.864', 3, '10/5:02.915', 302.915);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (242, 28, 1, 33.3, '33.3', 3, '10/5:33.000', 33.3);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (243, 28, 2, 30.789, '30.789', 4, '10/5:20.445', 64.089);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (244, 28, 3, 30.842, '30.842', 4, '10/5:16.437', 94.931);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (245, 28, 4, 31.524, '31.524', 4, '10/5:16.138', 126.455);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (246, 28, 5, 30.112, '30.112', 4, '10/5:13.134', 156.567);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (247, 28, 6, 31.339, '31.339', 4, '10/5:13.177', 187.906);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (248, 28, 7, 30.85, '30.85', 4, '10/5:12.509', 218.756);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (249, 28, 8, 30.784, '30.784', 4, '10/5:11.925', 249.54);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (250, 28, 9, 31.151, '31.151', 4, '10/5:11.879', 280.691);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (251, 28, 10, 30.244, '30.244', 4, '10/5:10.935', 310.935);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (252, 29, 1, 43.805, '43.805', 7, '7/5:06.635', 43.805);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (253, 29, 2, 31.081, '31.081', 6, '9/5:36.987', 74.886);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (254, 29, 3, 31.197, '31.197', 6, '9/5:18.249', 106.083);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (255, 29, 4, 31.146, '31.146', 7, '9/5:08.766', 137.229);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (256, 29, 5, 30.46, '30.46', 7, '9/5:01.841', 167.689);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (257, 29, 6, 30.496, '30.496', 6, '10/5:30.309', 198.185);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (258, 29, 7, 30.219, '30.219', 5, '10/5:26.292', 228.404);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (259, 29, 8, 29.835, '29.835', 5, '10/5:22.799', 258.239);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (260, 29, 9, 30.386, '30.386', 5, '10/5:20.695', 288.625);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (261, 29, 10, 29.913, '29.913', 5, '10/5:18.538', 318.538);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (262, 30, 1, 32.456, '32.456', 1, '10/5:24.560', 32.456);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (263, 30, 2, 42.511, '42.511', 7, '9/5:37.352', 74.967);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (264, 30, 3, 31.191, '31.191', 7, '9/5:18.474', 106.158);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (265, 30, 4, 30.644, '30.644', 6, '9/5:07.805', 136.802);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (266, 30, 5, 30.017, '30.017', 6, '9/5:00.275', 166.819);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (267, 30, 6, 32.089, '32.089', 7, '10/5:31.514', 198.908);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (268, 30, 7, 31.961, '31.961', 6, '10/5:29.813', 230.869);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (269, 30, 8, 30.815, '30.815', 6, '10/5:27.105', 261.684);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (270, 30, 9, 30.815, '30.815', 6, '10/5:24.999', 292.499);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (271, 30, 10, 30.812, '30.812', 6, '10/5:23.311', 323.311);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (272, 31, 1, 33.512, '33.512', 5, '9/5:01.608', 33.512);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (273, 31, 2, 30.759, '30.759', 5, '10/5:21.355', 64.271);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (274, 31, 3, 30.793, '30.793', 5, '10/5:16.880', 95.064);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (275, 31, 4, 31.548, '31.548', 5, '10/5:16.530', 126.612);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (276, 31, 5, 31.124, '31.124', 5, '10/5:15.472', 157.736);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (277, 31, 6, 30.849, '30.849', 5, '10/5:14.309', 188.585);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (278, 31, 7, 43.828, '43.828', 7, '10/5:32.019', 232.413);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (279, 31, 8, 30.722, '30.722', 7, '10/5:28.919', 263.135);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (280, 31, 9, 31.492, '31.492', 7, '10/5:27.364', 294.627);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (281, 31, 10, 32.607, '32.607', 7, '10/5:27.234', 327.234);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (282, 33, 1, 46.208, '46.208', 6, '10/7:42.080', 46.208);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (283, 33, 2, 42.495, '42.495', 4, '10/7:23.515', 88.703);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (284, 33, 3, 41.909, '41.909', 3, '10/7:15.374', 130.612);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (285, 33, 4, 41.188, '41.188', 2, '10/7:09.500', 171.8);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (286, 33, 5, 40.962, '40.962', 1, '10/7:05.524', 212.762);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (287, 33, 6, 42.198, '42.198', 1, '10/7:04.934', 254.96);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (288, 33, 7, 42.067, '42.067', 1, '10/7:04.325', 297.027);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (289, 33, 8, 42.18, '42.18', 1, '10/7:04.009', 339.207);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (290, 33, 9, 41.395, '41.395', 1, '10/7:02.892', 380.602);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (291, 33, 10, 42.983, '42.983', 1, '10/7:03.585', 423.585);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (292, 34, 1, 45.663, '45.663', 4, '10/7:36.630', 45.663);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (293, 34, 2, 41.808, '41.808', 3, '10/7:17.355', 87.471);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (294, 34, 3, 44.171, '44.171', 4, '10/7:18.807', 131.642);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (295, 34, 4, 43.615, '43.615', 4, '10/7:18.143', 175.257);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (296, 34, 5, 41.655, '41.655', 3, '10/7:13.824', 216.912);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (297, 34, 6, 44.266, '44.266', 2, '10/7:15.297', 261.178);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (298, 34, 7, 42.169, '42.169', 2, '10/7:13.353', 303.347);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (299, 34, 8, 41.421, '41.421', 2, '10/7:10.960', 344.768);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (300, 34, 9, 43.513, '43.513', 2, '10/7:11.424', 388.281);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (301, 34, 10, 42.589, '42.589', 2, '10/7:10.870', 430.87);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (302, 35, 1, 45.553, '45.553', 3, '10/7:35.530', 45.553);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (303, 35, 2, 43.393, '43.393', 5, '10/7:24.730', 88.946);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (304, 35, 3, 43.63, '43.63', 5, '10/7:21.920', 132.576);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (305, 35, 4, 43.594, '43.594', 5, '10/7:20.425', 176.17);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (306, 35, 5, 42.51, '42.51', 4, '10/7:17.360', 218.68);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (307, 35, 6, 44.413, '44.413', 3, '10/7:18.489', 263.093);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (308, 35, 7, 44.341, '44.341', 3, '10/7:19.192', 307.434);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (309, 35, 8, 42.861, '42.861', 3, '10/7:17.869', 350.295);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (310, 35, 9, 41.946, '41.946', 3, '10/7:15.824', 392.241);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (311, 35, 10, 43.133, '43.133', 3, '10/7:15.374', 435.374);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (312, 36, 1, 44.718, '44.718', 2, '10/7:27.180', 44.718);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (313, 36, 2, 42.397, '42.397', 2, '10/7:15.575', 87.115);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (314, 36, 3, 42.652, '42.652', 2, '10/7:12.557', 129.767);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (315, 36, 4, 42.072, '42.072', 3, '10/7:09.598', 171.839);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (316, 36, 5, 43.008, '43.008', 2, '10/7:09.694', 214.847);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (317, 36, 6, 54.492, '54.492', 4, '10/7:28.899', 269.339);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (318, 36, 7, 41.756, '41.756', 4, '10/7:24.422', 311.095);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (319, 36, 8, 42.699, '42.699', 4, '10/7:22.243', 353.794);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (320, 36, 9, 40.657, '40.657', 4, '10/7:18.279', 394.451);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (321, 36, 10, 41.859, '41.859', 4, '10/7:16.310', 436.31);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (322, 37, 1, 46.026, '46.026', 5, '10/7:40.260', 46.026);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (323, 37, 2, 44.112, '44.112', 6, '10/7:30.690', 90.138);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (324, 37, 3, 43.54, '43.54', 6, '10/7:25.594', 133.678);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (325, 37, 4, 44.056, '44.056', 6, '10/7:24.335', 177.734);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (326, 37, 5, 43.664, '43.664', 5, '10/7:22.796', 221.398);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (327, 37, 6, 59.598, '59.598', 5, '9/7:01.494', 280.996);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (328, 37, 7, 43.232, '43.232', 5, '10/7:43.183', 324.228);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (329, 37, 8, 44.786, '44.786', 5, '10/7:41.268', 369.014);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (330, 37, 9, 42.34, '42.34', 5, '10/7:37.060', 411.354);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (331, 37, 10, 57.467, '57.467', 5, '9/7:01.939', 468.821);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (332, 38, 1, 43.978, '43.978', 1, '10/7:19.780', 43.978);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (333, 38, 2, 41.453, '41.453', 1, '10/7:07.155', 85.431);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (334, 38, 3, 39.993, '39.993', 1, '11/7:39.888', 125.424);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (335, 38, 4, 41.93, '41.93', 1, '11/7:40.224', 167.354);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (336, 41, 1, 43.854, '43.854', 1, '10/7:18.540', 43.854);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (337, 41, 2, 41.556, '41.556', 1, '10/7:07.050', 85.41);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (338, 41, 3, 41.304, '41.304', 1, '10/7:02.380', 126.714);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (339, 41, 4, 41.479, '41.479', 1, '10/7:00.483', 168.193);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (340, 41, 5, 41.199, '41.199', 1, '11/7:40.663', 209.392);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (341, 41, 6, 41.442, '41.442', 1, '11/7:39.863', 250.834);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (342, 41, 7, 41.262, '41.262', 1, '11/7:39.008', 292.096);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (343, 41, 8, 41.313, '41.313', 1, '11/7:38.438', 333.409);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (344, 41, 9, 41.003, '41.003', 1, '11/7:37.615', 374.412);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (345, 41, 10, 41.554, '41.554', 1, '11/7:37.563', 415.966);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (346, 41, 11, 42, '42', 1, '11/7:37.966', 457.966);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (347, 42, 1, 45.145, '45.145', 4, '10/7:31.450', 45.145);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (348, 42, 2, 42.244, '42.244', 2, '10/7:16.945', 87.389);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (349, 42, 3, 43.087, '43.087', 2, '10/7:14.920', 130.476);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (350, 42, 4, 43.087, '43.087', 2, '10/7:13.908', 173.563);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (351, 42, 5, 41.482, '41.482', 2, '10/7:10.090', 215.045);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (352, 42, 6, 42.541, '42.541', 2, '10/7:09.310', 257.586);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (353, 42, 7, 42.696, '42.696', 2, '10/7:08.975', 300.282);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (354, 42, 8, 42.848, '42.848', 2, '10/7:08.913', 343.13);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (355, 42, 9, 43.376, '43.376', 2, '10/7:09.452', 386.506);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (356, 42, 10, 43.786, '43.786', 2, '10/7:10.292', 430.292);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (357, 43, 1, 45.837, '45.837', 6, '10/7:38.370', 45.837);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (358, 43, 2, 42.996, '42.996', 5, '10/7:24.165', 88.833);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (359, 43, 3, 43.462, '43.462', 3, '10/7:20.984', 132.295);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (360, 43, 4, 42.148, '42.148', 3, '10/7:16.108', 174.443);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (361, 43, 5, 42.881, '42.881', 3, '10/7:14.648', 217.324);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (362, 43, 6, 54.765, '54.765', 4, '10/7:33.482', 272.089);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (363, 43, 7, 43.143, '43.143', 4, '10/7:30.332', 315.232);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (364, 43, 8, 42.361, '42.361', 3, '10/7:26.992', 357.593);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (365, 43, 9, 42.762, '42.762', 3, '10/7:24.839', 400.355);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (366, 43, 10, 43.366, '43.366', 3, '10/7:23.721', 443.721);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (367, 44, 1, 45.009, '45.009', 2, '10/7:30.090', 45.009);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (368, 44, 2, 42.621, '42.621', 3, '10/7:18.150', 87.63);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (369, 44, 3, 59.105, '59.105', 7, '9/7:20.205', 146.735);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (370, 44, 4, 42.08, '42.08', 7, '9/7:04.834', 188.815);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (371, 44, 5, 43.617, '43.617', 6, '10/7:44.864', 232.432);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (372, 44, 6, 42.524, '42.524', 5, '10/7:38.260', 274.956);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (373, 44, 7, 41.848, '41.848', 5, '10/7:32.578', 316.804);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (374, 44, 8, 42.835, '42.835', 4, '10/7:29.549', 359.639);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (375, 44, 9, 42.453, '42.453', 4, '10/7:26.769', 402.092);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (376, 44, 10, 42.838, '42.838', 4, '10/7:24.930', 444.93);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (377, 45, 1, 45.191, '45.191', 5, '10/7:31.910', 45.191);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (378, 45, 2, 43.052, '43.052', 4, '10/7:21.215', 88.243);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (379, 45, 3, 53.953, '53.953', 6, '9/7:06.588', 142.196);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (380, 45, 4, 44.252, '44.252', 6, '10/7:46.120', 186.448);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (381, 45, 5, 45.008, '45.008', 5, '10/7:42.912', 231.456);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (382, 45, 6, 43.522, '43.522', 6, '10/7:38.297', 274.978);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (383, 45, 7, 44.136, '44.136', 6, '10/7:35.878', 319.114);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (384, 45, 8, 44.728, '44.728', 5, '10/7:34.803', 363.842);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (385, 45, 9, 43.828, '43.828', 5, '10/7:32.967', 407.67);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (386, 45, 10, 43.627, '43.627', 5, '10/7:31.297', 451.297);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (387, 46, 1, 46.015, '46.015', 7, '10/7:40.150', 46.015);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (388, 46, 2, 42.97, '42.97', 7, '10/7:24.925', 88.985);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (389, 46, 3, 48.839, '48.839', 5, '10/7:39.414', 137.824);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (390, 46, 4, 43.941, '43.941', 5, '10/7:34.413', 181.765);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (391, 46, 5, 43.817, '43.817', 4, '10/7:31.164', 225.582);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (392, 46, 6, 44.069, '44.069', 3, '10/7:29.419', 269.651);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (393, 46, 7, 45.313, '45.313', 3, '10/7:29.949', 314.964);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (394, 46, 8, 61.983, '61.983', 6, '9/7:04.066', 376.947);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (395, 46, 9, 43.266, '43.266', 6, '9/7:00.213', 420.213);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (396, 47, 1, 45.134, '45.134', 3, '10/7:31.340', 45.134);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (397, 47, 2, 43.844, '43.844', 6, '10/7:24.890', 88.978);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (398, 47, 3, 44.901, '44.901', 4, '10/7:26.264', 133.879);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (399, 47, 4, 44.413, '44.413', 4, '10/7:25.730', 178.292);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (400, 47, 5, 55.843, '55.843', 7, '9/7:01.443', 234.135);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (401, 47, 6, 56.351, '56.351', 8, '9/7:15.729', 290.486);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (402, 47, 7, 44.704, '44.704', 7, '9/7:10.959', 335.19);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (403, 47, 8, 44.001, '44.001', 7, '9/7:06.590', 379.191);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (404, 47, 9, 44.196, '44.196', 7, '9/7:03.387', 423.387);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (405, 48, 1, 49.895, '49.895', 8, '9/7:29.055', 49.895);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (406, 48, 2, 53.316, '53.316', 8, '9/7:44.450', 103.211);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (407, 48, 3, 46.542, '46.542', 8, '9/7:29.259', 149.753);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (408, 48, 4, 46.438, '46.438', 8, '9/7:21.430', 196.191);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (409, 48, 5, 47.179, '47.179', 8, '9/7:18.066', 243.37);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (410, 48, 6, 45.735, '45.735', 7, '9/7:13.658', 289.105);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (411, 48, 7, 46.14, '46.14', 8, '9/7:11.030', 335.245);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (412, 48, 8, 46.578, '46.578', 8, '9/7:09.551', 381.823);
INSERT INTO public.laps (id, race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, pace, elapsed_race_time) VALUES (413, 48, 9, 45.645, '45.645', 8, '9/7:07.468', 427.468);


--
-- Data for Name: procrastinate_workers; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: procrastinate_jobs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.procrastinate_jobs (id, queue_name, task_name, priority, lock, queueing_lock, args, status, scheduled_at, attempts, abort_requested, worker_id) VALUES (1, 'default', 'mre.run_job', 0, 'ingest_event:liverc:413880', 'ingest_event:liverc:413880', '{"run_id": 8}', 'todo', NULL, 0, false, NULL);


--
-- Data for Name: procrastinate_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.procrastinate_events (id, job_id, type, at) VALUES (1, 1, 'deferred', '2026-12-02 13:40:57.430633+00');


--
-- Data for Name: procrastinate_periodic_defers; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: schema_version; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_version (version, name, applied_at, mre_version) VALUES (1, 'initial', '2026-12-02 13:40:37.707503', '0.3.0');
INSERT INTO public.schema_version (version, name, applied_at, mre_version) VALUES (2, 'jobs', '2026-12-02 13:40:37.718174', '0.3.0');
INSERT INTO public.schema_version (version, name, applied_at, mre_version) VALUES (3, 'site_politeness', '2026-12-02 13:40:37.730873', '0.3.0');
INSERT INTO public.schema_version (version, name, applied_at, mre_version) VALUES (4, 'job_queue', '2026-12-02 13:40:37.820919', '0.3.0');
INSERT INTO public.schema_version (version, name, applied_at, mre_version) VALUES (5, 'live_events', '2026-12-02 13:40:37.830651', '0.3.0');


--
-- Data for Name: site_budgets; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: site_slots; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: user_driver_links; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.user_driver_links (id, user_id, driver_id, status, similarity_score, match_type, matcher, matcher_version, decided_by, matched_at, confirmed_at, conflict_reason) VALUES (1, 2, 21, 'suggested', 0.9166666666666667, 'transponder', 'mre.matching.rules', '1', 'matcher', '2026-12-02 13:40:52', NULL, NULL);
INSERT INTO public.user_driver_links (id, user_id, driver_id, status, similarity_score, match_type, matcher, matcher_version, decided_by, matched_at, confirmed_at, conflict_reason) VALUES (2, 4, 24, 'confirmed', 0.94381, 'fuzzy', 'mre.matching.rules', '1', 'person', '2026-12-02 13:40:52', '2026-12-02 13:40:55', NULL);
INSERT INTO public.user_driver_links (id, user_id, driver_id, status, similarity_score, match_type, matcher, matcher_version, decided_by, matched_at, confirmed_at, conflict_reason) VALUES (3, 5, 25, 'conflict', 0.5045454545454545, 'transponder', 'mre.matching.rules', '1', 'matcher', '2026-12-02 13:40:52', NULL, 'tie: transponder 5516398 belongs to users 5, 6');
INSERT INTO public.user_driver_links (id, user_id, driver_id, status, similarity_score, match_type, matcher, matcher_version, decided_by, matched_at, confirmed_at, conflict_reason) VALUES (4, 6, 25, 'conflict', 0.5045454545454545, 'transponder', 'mre.matching.rules', '1', 'matcher', '2026-12-02 13:40:52', NULL, 'tie: transponder 5516398 belongs to users 5, 6');
INSERT INTO public.user_driver_links (id, user_id, driver_id, status, similarity_score, match_type, matcher, matcher_version, decided_by, matched_at, confirmed_at, conflict_reason) VALUES (5, 3, 26, 'rejected', 0.886325, 'fuzzy', 'mre.matching.rules', '1', 'person', '2026-12-02 13:40:52', NULL, NULL);
INSERT INTO public.user_driver_links (id, user_id, driver_id, status, similarity_score, match_type, matcher, matcher_version, decided_by, matched_at, confirmed_at, conflict_reason) VALUES (6, 1, 27, 'confirmed', 1, 'exact', 'mre.matching.rules', '1', 'matcher', '2026-12-02 13:40:52', '2026-12-02 13:40:52', NULL);
INSERT INTO public.user_driver_links (id, user_id, driver_id, status, similarity_score, match_type, matcher, matcher_version, decided_by, matched_at, confirmed_at, conflict_reason) VALUES (7, 1, 30, 'suggested', 0.877778, 'fuzzy', 'mre.matching.rules', '1', 'matcher', '2026-12-02 13:40:52', NULL, NULL);


--
-- Data for Name: user_transponders; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.user_transponders (id, user_id, transponder_number) VALUES (1, 2, '6892868');
INSERT INTO public.user_transponders (id, user_id, transponder_number) VALUES (2, 2, '1000001');
INSERT INTO public.user_transponders (id, user_id, transponder_number) VALUES (3, 5, '5516398');
INSERT INTO public.user_transponders (id, user_id, transponder_number) VALUES (4, 6, '5516398');


--
-- Name: drivers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.drivers_id_seq', 40, true);


--
-- Name: event_driver_links_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.event_driver_links_id_seq', 7, true);


--
-- Name: event_entries_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.event_entries_id_seq', 24, true);


--
-- Name: events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.events_id_seq', 2, true);


--
-- Name: ingest_locks_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ingest_locks_id_seq', 2, true);


--
-- Name: ingestion_runs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ingestion_runs_id_seq', 8, true);


--
-- Name: laps_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.laps_id_seq', 413, true);


--
-- Name: procrastinate_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.procrastinate_events_id_seq', 1, true);


--
-- Name: procrastinate_jobs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.procrastinate_jobs_id_seq', 1, true);


--
-- Name: procrastinate_periodic_defers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.procrastinate_periodic_defers_id_seq', 1, false);


--
-- Name: procrastinate_workers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.procrastinate_workers_id_seq', 1, false);


--
-- Name: race_drivers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.race_drivers_id_seq', 48, true);


--
-- Name: race_results_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.race_results_id_seq', 48, true);


--
-- Name: races_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.races_id_seq', 6, true);


--
-- Name: site_budgets_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.site_budgets_id_seq', 1, false);


--
-- Name: site_slots_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.site_slots_id_seq', 1, false);


--
-- Name: tracks_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tracks_id_seq', 3, true);


--
-- Name: user_driver_links_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.user_driver_links_id_seq', 7, true);


--
-- Name: user_transponders_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.user_transponders_id_seq', 4, true);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 6, true);


--
-- PostgreSQL database dump complete
--


