// Quantity checks for validation and decoding, over api/quantity.ts (the one resource.Quantity).
import { parseQuantity, quantityValue, QUANTITY_FORMAT_ERROR } from '../../../api/quantity'

export { QUANTITY_FORMAT_ERROR }

/** The numeric value, or undefined when `s` is not a quantity. */
export function parseQuantityValue(s: unknown): number | undefined {
  const q = parseQuantity(s)
  return q && quantityValue(q)
}
