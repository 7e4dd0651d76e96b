/**
 * Results that word or compute a property only when it is first read (a
 * step's sentence, an event's full result) hold it as a getter until then;
 * JSON, a structured clone and object spread read getters like any other
 * property. Once read or written, it becomes what it always was to callers:
 * an ordinary, writable data property.
 */
export function settle(target: object, key: PropertyKey, value: unknown): void {
  Reflect.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
