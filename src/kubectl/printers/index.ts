// kubectl's printers: tables (get), -o yaml/json/name/jsonpath/custom-columns, describe, ages.
// Imports only src/api and the `yaml`-free ports in this folder; see CONTEXT.md.

export { formatAge, translateTimestampSince } from './age'
export { tableFor, formatTable, labelHeader, TableStream, type PrintOptions, type TableRows } from './table'
export {
  printObjects, resourceName, asListObject, unknownFormatError, isObjectFormat, ALLOWED_FORMATS,
  type PrintObjectsOptions, type PrintResult,
} from './output'
export { toYAML } from './output/yaml'
export { sortObjects } from './output/sort'
export { goJSON, printJSONPath, relaxedJSONPathExpression, JSONPath } from './jsonpath'
export { tabwrite, GET_TABWRITER, DESCRIBE_TABWRITER } from './tabwriter'
export { podRowInfo, columnsFor } from './columns'
export { formatLabels, kindPrefix } from './util'
export { describeObject, type DescribeContext } from './describe'
