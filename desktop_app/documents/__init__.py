"""Document builders: one per document, all rendering the block model of ``documents.model``."""
