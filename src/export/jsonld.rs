//! schema.org `ScholarlyArticle` JSON-LD.
