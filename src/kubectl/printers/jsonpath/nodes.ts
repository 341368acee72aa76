// The JSONPath syntax tree, as k8s.io/client-go/util/jsonpath/node.go defines it.

export interface ParamsEntry {
  value: number
  known: boolean
  /** The end of `[n]`, derived as n+1 (so `[-1]` can mean the last element). */
  derived: boolean
}

export type JPNode =
  | { type: 'list'; nodes: JPNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'identifier'; name: string }

export type ListNode = Extract<JPNode, { type: 'list' }>

export const newList = (): ListNode => ({ type: 'list', nodes: [] })
