// CesedaError: the one error class of the package, shared by the full API (api.js) and the
// pricing module (pricing-api.js), so that `instanceof CesedaError` holds for both.

/** A failure answered by the core: the members of its error record, camelCased. */
export class CesedaError extends Error {
  constructor(record) {
    const r = record !== null && typeof record === 'object' ? record : {};
    super(typeof r.message === 'string' ? r.message : String(r.code));
    this.code = r.code;
    this.field = r.field ?? null;
    this.value = r.value ?? null;
    this.expected = Array.isArray(r.expected) ? r.expected : [];
    this.suggestion = r.suggestion ?? null;
  }

  /** The canonical error record, keys in the core's order, absent members left out. */
  toJSON() {
    const { code, expected, field, message, suggestion, value } = this;
    return { code, ...(expected.length > 0 && { expected }), field, message, ...(suggestion !== null && { suggestion }), value };
  }
}
Object.defineProperty(CesedaError.prototype, 'name', { value: 'CesedaError', writable: true, configurable: true });
