// MetalLB's CRDs (metallb.io/v1beta1, v0.14): the structural schemas a cluster with MetalLB
// installed publishes, for the editor's validation and `kubectl explain`. Not in kubernetes-types,
// so written here from metallb's config/crd/bases (descriptions are the CRDs' own).
type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
type Schema = { [k: string]: Json }

const API_VERSION_DOC = 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources'
const KIND_DOC = 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'
const META = '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'
const SELECTOR = '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector'
const strings = (description: string): Schema => ({ description, items: { type: 'string' }, type: 'array' })
const selectors = (description: string): Schema => ({ description, items: { $ref: SELECTOR }, type: 'array' })

function root(kind: string, description: string, spec: Schema): Schema {
  return {
    additionalProperties: false,
    description,
    properties: {
      apiVersion: { description: API_VERSION_DOC, enum: ['metallb.io/v1beta1'], type: 'string' },
      kind: { description: KIND_DOC, enum: [kind], type: 'string' },
      metadata: { $ref: META },
      spec,
    },
    type: 'object',
  }
}

export const METALLB_DEFINITIONS: Record<string, Schema> = {
  'io.metallb.v1beta1.IPAddressPool': root('IPAddressPool', 'IPAddressPool represents a pool of IP addresses that can be allocated to LoadBalancer services.', {
    additionalProperties: false,
    description: 'IPAddressPoolSpec defines the desired state of IPAddressPool.',
    properties: {
      addresses: strings('A list of IP address ranges over which MetalLB has authority. You can list multiple ranges in a single pool, they will all share the same settings. Each range can be either a CIDR prefix, or an explicit start-end range of IPs.'),
      autoAssign: { default: true, description: 'AutoAssign flag used to prevent MetallB from automatic allocation for a pool.', type: 'boolean' },
      avoidBuggyIPs: { default: false, description: 'AvoidBuggyIPs prevents addresses ending with .0 and .255 to be used by a pool.', type: 'boolean' },
    },
    required: ['addresses'],
    type: 'object',
  }),
  'io.metallb.v1beta1.L2Advertisement': root('L2Advertisement', 'L2Advertisement allows to advertise the LoadBalancer IPs provided by the selected pools via L2.', {
    additionalProperties: false,
    description: 'L2AdvertisementSpec defines the desired state of L2Advertisement.',
    properties: {
      interfaces: strings('A list of interfaces to announce from. The LB IP will be announced only from these interfaces. If the field is not set, we advertise from all the interfaces on the host.'),
      ipAddressPoolSelectors: selectors('A selector for the IPAddressPools which would get advertised via this advertisement. If no IPAddressPool is selected by this or by the list, the advertisement is applied to all the IPAddressPools.'),
      ipAddressPools: strings('The list of IPAddressPools to advertise via this advertisement, selected by name.'),
      nodeSelectors: selectors('NodeSelectors allows to limit the nodes to announce as next hops for the LoadBalancer IP. When empty, all the nodes having  are announced.'),
    },
    type: 'object',
  }),
}

export const METALLB_ROOTS = [
  { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', definition: 'io.metallb.v1beta1.IPAddressPool' },
  { apiVersion: 'metallb.io/v1beta1', kind: 'L2Advertisement', definition: 'io.metallb.v1beta1.L2Advertisement' },
]
