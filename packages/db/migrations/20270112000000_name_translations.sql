-- Up Migration
-- Places and authorities may carry their name in more than one language (issue 16, section 5): the
-- name in each of Vigil's four interface languages, shown to a reader whose interface is in it. `name`
-- stays the primary name (search, order, exports, audit). Same rows, so row-level security is unchanged.
-- The application validates the same rules; the constraint keeps a stray writer from storing a key no
-- reader could ask for, or an empty or overlong name.
CREATE FUNCTION valid_name_translations(translations jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT jsonb_typeof(translations) = 'object'
      AND (translations - ARRAY['en', 'sr-Cyrl', 'sr-Latn', 'uk']) = '{}'::jsonb
      AND NOT EXISTS (
        SELECT 1 FROM jsonb_each(translations) AS entry(locale, value)
        WHERE jsonb_typeof(entry.value) <> 'string'
          OR char_length(btrim(entry.value #>> '{}')) NOT BETWEEN 1 AND 300
      )
  $$;

ALTER TABLE places
  ADD COLUMN name_translations jsonb NOT NULL DEFAULT '{}'
  CONSTRAINT places_name_translations_check CHECK (valid_name_translations(name_translations));
ALTER TABLE authorities
  ADD COLUMN name_translations jsonb NOT NULL DEFAULT '{}'
  CONSTRAINT authorities_name_translations_check CHECK (valid_name_translations(name_translations));

-- Down Migration
ALTER TABLE authorities DROP COLUMN name_translations;
ALTER TABLE places DROP COLUMN name_translations;
DROP FUNCTION valid_name_translations(jsonb);
