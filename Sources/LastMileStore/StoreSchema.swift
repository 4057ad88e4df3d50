import GRDB

/// The database schema, as GRDB migrations applied in order. Every table has NOT NULL and CHECK constraints
/// for what must always hold, and foreign keys (enforced) for every reference.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: depots, fleet, orders, plans, events") { db in
            try db.execute(sql: """
                CREATE TABLE depot (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('mfc', 'dark_store')),
                    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                    opens INTEGER NOT NULL CHECK (opens BETWEEN 0 AND 172800),
                    closes INTEGER NOT NULL CHECK (closes > opens AND closes <= 172800),
                    loading_seconds INTEGER NOT NULL CHECK (loading_seconds >= 0)
                );
                CREATE TABLE stock (
                    depot_id TEXT NOT NULL REFERENCES depot(id) ON DELETE CASCADE,
                    sku TEXT NOT NULL CHECK (sku <> ''),
                    quantity INTEGER NOT NULL CHECK (quantity >= 0),
                    PRIMARY KEY (depot_id, sku)
                );
                CREATE TABLE carrier (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL
                );
                CREATE TABLE vehicle_type (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    mode TEXT NOT NULL CHECK (mode IN ('car', 'bike')),
                    capacity_grams INTEGER NOT NULL CHECK (capacity_grams >= 0),
                    capacity_millilitres INTEGER NOT NULL CHECK (capacity_millilitres >= 0),
                    capacity_parcels INTEGER NOT NULL CHECK (capacity_parcels >= 0),
                    fixed_cost_cents INTEGER NOT NULL CHECK (fixed_cost_cents >= 0),
                    cents_per_km INTEGER NOT NULL CHECK (cents_per_km >= 0),
                    cents_per_hour INTEGER NOT NULL CHECK (cents_per_hour >= 0),
                    co2_grams_per_km INTEGER NOT NULL CHECK (co2_grams_per_km >= 0),
                    speed_factor REAL NOT NULL CHECK (speed_factor > 0)
                );
                CREATE TABLE driver (
                    id TEXT PRIMARY KEY NOT NULL,
                    carrier_id TEXT NOT NULL REFERENCES carrier(id)
                );
                CREATE TABLE vehicle (
                    id TEXT PRIMARY KEY NOT NULL,
                    type_id TEXT NOT NULL REFERENCES vehicle_type(id),
                    depot_id TEXT NOT NULL REFERENCES depot(id),
                    end_depot_id TEXT REFERENCES depot(id),
                    carrier_id TEXT NOT NULL REFERENCES carrier(id)
                );
                -- The shift a driver works on a vehicle; date NULL = every day.
                CREATE TABLE shift (
                    vehicle_id TEXT NOT NULL REFERENCES vehicle(id) ON DELETE CASCADE,
                    date TEXT,
                    driver_id TEXT NOT NULL REFERENCES driver(id),
                    starts INTEGER NOT NULL CHECK (starts BETWEEN 0 AND 172800),
                    ends INTEGER NOT NULL CHECK (ends > starts AND ends <= 172800),
                    break_earliest INTEGER,
                    break_latest INTEGER,
                    break_seconds INTEGER CHECK (break_seconds > 0),
                    CHECK ((break_seconds IS NULL) = (break_earliest IS NULL) AND (break_seconds IS NULL) = (break_latest IS NULL)),
                    CHECK (break_latest >= break_earliest)
                );
                CREATE UNIQUE INDEX shift_vehicle_date ON shift(vehicle_id, ifnull(date, ''));
                CREATE TABLE "order" (
                    id TEXT PRIMARY KEY NOT NULL,
                    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                    customer TEXT NOT NULL,
                    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                    weight_grams INTEGER NOT NULL CHECK (weight_grams >= 0),
                    volume_millilitres INTEGER NOT NULL CHECK (volume_millilitres >= 0),
                    window_start INTEGER NOT NULL CHECK (window_start >= 0),
                    window_end INTEGER NOT NULL CHECK (window_end > window_start),
                    service_seconds INTEGER NOT NULL CHECK (service_seconds >= 0),
                    priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 100)
                );
                CREATE INDEX order_date ON "order"(date);
                CREATE TABLE order_item (
                    order_id TEXT NOT NULL REFERENCES "order"(id) ON DELETE CASCADE,
                    sku TEXT NOT NULL CHECK (sku <> ''),
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    PRIMARY KEY (order_id, sku)
                );
                -- Plans are immutable versions: a new version replaces the active one of its date.
                CREATE TABLE plan (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    date TEXT NOT NULL,
                    version INTEGER NOT NULL CHECK (version >= 1),
                    created_at TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('active', 'replaced')),
                    seed INTEGER NOT NULL,
                    cost_cents INTEGER NOT NULL CHECK (cost_cents >= 0),
                    checked INTEGER NOT NULL CHECK (checked IN (0, 1)),
                    UNIQUE (date, version)
                );
                CREATE UNIQUE INDEX plan_one_active ON plan(date) WHERE status = 'active';
                CREATE TABLE route (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
                    vehicle_id TEXT NOT NULL REFERENCES vehicle(id),
                    driver TEXT NOT NULL,
                    depot_id TEXT NOT NULL REFERENCES depot(id),
                    end_depot_id TEXT NOT NULL REFERENCES depot(id),
                    departure INTEGER NOT NULL,
                    arrival INTEGER NOT NULL CHECK (arrival >= departure),
                    metres INTEGER NOT NULL CHECK (metres >= 0),
                    cost_cents INTEGER NOT NULL CHECK (cost_cents >= 0),
                    UNIQUE (plan_id, vehicle_id)
                );
                CREATE TABLE stop (
                    route_id INTEGER NOT NULL REFERENCES route(id) ON DELETE CASCADE,
                    sequence INTEGER NOT NULL CHECK (sequence >= 1),
                    order_id TEXT NOT NULL REFERENCES "order"(id),
                    arrival INTEGER NOT NULL,
                    service_start INTEGER NOT NULL CHECK (service_start >= arrival),
                    departure INTEGER NOT NULL CHECK (departure >= service_start),
                    PRIMARY KEY (route_id, sequence)
                );
                CREATE TABLE unassigned (
                    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
                    order_id TEXT NOT NULL REFERENCES "order"(id),
                    reason TEXT NOT NULL,
                    PRIMARY KEY (plan_id, order_id)
                );
                -- Stock a plan takes; counts against the depot's stock while the plan is active.
                CREATE TABLE reservation (
                    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
                    depot_id TEXT NOT NULL,
                    sku TEXT NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    PRIMARY KEY (plan_id, depot_id, sku),
                    FOREIGN KEY (depot_id, sku) REFERENCES stock(depot_id, sku)
                );
                -- What happened, in order: imports, plan versions, and (later) the live events of a day.
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    plan_id INTEGER REFERENCES plan(id),
                    detail TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: breaks of routes; plan versions immutable") { db in
            try db.execute(sql: """
                CREATE TABLE route_break (
                    route_id INTEGER NOT NULL REFERENCES route(id) ON DELETE CASCADE,
                    after_stops INTEGER NOT NULL CHECK (after_stops >= 0),
                    start INTEGER NOT NULL,
                    minutes INTEGER NOT NULL CHECK (minutes > 0)
                );
                -- A stored version never changes; only its status moves from active to replaced.
                CREATE TRIGGER plan_immutable BEFORE UPDATE OF date, version, created_at, seed, cost_cents, checked ON plan
                BEGIN SELECT RAISE(ABORT, 'plan versions are immutable; commit a new version'); END;
                CREATE TRIGGER plan_status_one_way BEFORE UPDATE OF status ON plan WHEN NEW.status <> 'replaced'
                BEGIN SELECT RAISE(ABORT, 'a replaced plan version cannot become active again; commit a new version'); END;
                CREATE TRIGGER route_immutable BEFORE UPDATE ON route
                BEGIN SELECT RAISE(ABORT, 'plan versions are immutable; commit a new version'); END;
                CREATE TRIGGER stop_immutable BEFORE UPDATE ON stop
                BEGIN SELECT RAISE(ABORT, 'plan versions are immutable; commit a new version'); END;
                CREATE TRIGGER route_break_immutable BEFORE UPDATE ON route_break
                BEGIN SELECT RAISE(ABORT, 'plan versions are immutable; commit a new version'); END;
                """)
        }
        migrator.registerMigration("v3: live event log") { db in
            try db.execute(sql: """
                -- The live events of a date, in the order they were applied to the plan version they were applied to.
                -- A row is written before the event is acknowledged; the idempotency key makes a retry apply once.
                -- Replaying the rows of (date, plan_version) in sequence order from that version rebuilds the live state.
                CREATE TABLE live_event (
                    date TEXT NOT NULL,
                    plan_version INTEGER NOT NULL CHECK (plan_version >= 1),
                    sequence INTEGER NOT NULL CHECK (sequence >= 1),
                    idempotency_key TEXT NOT NULL UNIQUE CHECK (idempotency_key <> ''),
                    received_at TEXT NOT NULL,
                    event TEXT NOT NULL CHECK (json_valid(event)),
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    PRIMARY KEY (date, plan_version, sequence),
                    FOREIGN KEY (date, plan_version) REFERENCES plan(date, version)
                );
                CREATE TRIGGER live_event_append_only BEFORE UPDATE ON live_event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                """)
        }
        migrator.registerMigration("v4: live re-optimisations") { db in
            try db.execute(sql: """
                -- What the re-optimiser decided after a live event (the LiveReroute as JSON), written in the event's own
                -- transaction: a replay adopts it instead of solving again, so it reproduces the state bit for bit.
                CREATE TABLE live_reroute (
                    date TEXT NOT NULL,
                    plan_version INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    reroute TEXT NOT NULL CHECK (json_valid(reroute)),
                    PRIMARY KEY (date, plan_version, sequence),
                    FOREIGN KEY (date, plan_version, sequence) REFERENCES live_event(date, plan_version, sequence)
                );
                CREATE TRIGGER live_reroute_append_only BEFORE UPDATE ON live_reroute
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                """)
        }
        migrator.registerMigration("v5: default traffic profile") { db in
            try db.execute(sql: """
                -- The traffic profile `lastmile plan` uses when none is given: at most one row, the file's text as loaded
                -- (CSV or JSON, parsed by the service), replaced by the next `lastmile load traffic`.
                CREATE TABLE traffic_profile (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    name TEXT NOT NULL CHECK (name <> ''),
                    format TEXT NOT NULL CHECK (format IN ('csv', 'json')),
                    text TEXT NOT NULL,
                    loaded_at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v6: api keys") { db in
            try db.execute(sql: """
                -- API keys of `lastmile serve`. Only the SHA-256 of the secret is kept; the secret is shown once, at
                -- creation. The role's scope is a depot (dispatcher) or a carrier (driver backend, carrier).
                CREATE TABLE api_key (
                    id TEXT PRIMARY KEY CHECK (id <> ''),
                    secret_sha256 BLOB NOT NULL CHECK (length(secret_sha256) = 32),
                    role TEXT NOT NULL CHECK (role IN ('admin', 'dispatcher', 'driver-backend', 'carrier')),
                    depot_id TEXT,
                    carrier_id TEXT,
                    label TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL,
                    revoked_at TEXT,
                    CHECK ((role = 'dispatcher') = (depot_id IS NOT NULL)),
                    CHECK ((role IN ('driver-backend', 'carrier')) = (carrier_id IS NOT NULL))
                );
                """)
        }
        migrator.registerMigration("v7: rate cards") { db in
            try db.execute(sql: """
                -- Carriers' rate cards, one row per line of a `rate-cards` file (docs/rate-cards.md): money in cents,
                -- percentages in hundredths, time in seconds, distance in metres. A load replaces every line of the
                -- carriers it names.
                CREATE TABLE rate_card_item (
                    carrier_id TEXT NOT NULL REFERENCES carrier(id),
                    vehicle_type_id TEXT REFERENCES vehicle_type(id),
                    item TEXT NOT NULL CHECK (item IN ('fixed_per_day', 'per_km', 'per_hour', 'overtime_per_hour', 'per_stop',
                        'per_parcel', 'per_kg', 'minimum_per_run', 'minimum_per_day', 'fuel_surcharge', 'fuel_index', 'distance_band')),
                    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
                    percent_hundredths INTEGER NOT NULL,
                    after_seconds INTEGER NOT NULL CHECK (after_seconds >= 0),
                    from_metres INTEGER NOT NULL CHECK (from_metres >= 0),
                    to_metres INTEGER NOT NULL CHECK (to_metres >= 0),
                    index_base_cents INTEGER NOT NULL CHECK (index_base_cents >= 0),
                    index_now_cents INTEGER NOT NULL CHECK (index_now_cents >= 0),
                    line INTEGER NOT NULL
                );
                CREATE INDEX rate_card_item_carrier ON rate_card_item (carrier_id);
                -- Energy for well-to-wheel emissions (docs/emissions.md): consumption in thousandths of a litre, kg or
                -- kWh per km; NULL energy keeps co2_grams_per_km as given.
                ALTER TABLE vehicle_type ADD COLUMN energy TEXT CHECK (energy IN ('diesel', 'petrol', 'cng', 'electricity', 'human'));
                ALTER TABLE vehicle_type ADD COLUMN consumption_milli_per_km INTEGER NOT NULL DEFAULT 0 CHECK (consumption_milli_per_km >= 0);
                ALTER TABLE vehicle_type ADD COLUMN grid_country TEXT;
                -- A run's driving time, for reports (NULL for plans stored before v7).
                ALTER TABLE route ADD COLUMN drive_seconds INTEGER CHECK (drive_seconds >= 0);
                """)
        }
        return migrator
    }
}
