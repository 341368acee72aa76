// MetalLB's CRD columns (additionalPrinterColumns of ipaddresspools.metallb.io and
// l2advertisements.metallb.io, v0.13+). The API server's CRD table convertor prints a `string`
// column through JSONPath (arrays as compact JSON: `["172.17.255.1-172.17.255.250"]`) and a
// `boolean` as true/false; a missing field is an empty cell. These CRDs declare no Age column.

import type { KubeObject } from '../../../api/types'
import { field } from '../util'
import { goJSON } from '../jsonpath/gojson'
import type { KindColumns } from './types'

/** One `type: string` cell: strings as they are, anything else as compact JSON. */
function stringCell(v: unknown): string {
  if (v === undefined || v === null) return ''
  return typeof v === 'string' ? v : goJSON(v)
}

/** A `type: boolean` cell; the CRD schema defaults (autoAssign true, avoidBuggyIPs false) fill gaps. */
function boolCell(v: unknown, schemaDefault: boolean): string {
  return String(typeof v === 'boolean' ? v : schemaDefault)
}

export const ipAddressPoolColumns: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'Auto Assign' }, { name: 'Avoid Buggy IPs' }, { name: 'Addresses' }],
  cells: (obj: KubeObject) => [obj.metadata.name ?? '', boolCell(field(obj, 'spec', 'autoAssign'), true),
    boolCell(field(obj, 'spec', 'avoidBuggyIPs'), false), stringCell(field(obj, 'spec', 'addresses'))],
}

export const l2AdvertisementColumns: KindColumns = {
  columns: [{ name: 'Name' }, { name: 'IPAddressPools' }, { name: 'IPAddressPool Selectors' }, { name: 'Interfaces' },
    { name: 'Node Selectors', priority: 1 }],
  cells(obj, ctx) {
    const row = [obj.metadata.name ?? '', stringCell(field(obj, 'spec', 'ipAddressPools')),
      stringCell(field(obj, 'spec', 'ipAddressPoolSelectors')), stringCell(field(obj, 'spec', 'interfaces'))]
    if (ctx.wide) row.push(stringCell(field(obj, 'spec', 'nodeSelectors')))
    return row
  },
}
