// Multimodal: ToyWorld, tokenizer, patches, positions, projections, metrics (issue 4).
import TeachingEngine
