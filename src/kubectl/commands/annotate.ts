// kubectl annotate. Upstream: staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go.
import type { Cmd } from '../command'
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, SELECTOR_FLAG } from './common'
import { runMetadataEdit } from './metadata-edit'

export const annotateCommand: Cmd = {
  name: 'annotate',
  help: {
    short: 'Update the annotations on a resource',
    long: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "kubectl api-resources" for a complete list of supported resources.`,
    examples: `  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  # If the same annotation is set multiple times, only the last value will be applied
  kubectl annotate pods foo description='my frontend'

  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
  kubectl annotate --overwrite pods foo description='my frontend running nginx'

  # Update all pods in the namespace
  kubectl annotate pods --all description='my frontend running nginx'

  # Update pod 'foo' by removing an annotation named 'description' if it exists
  # Does not require the --overwrite flag
  kubectl annotate pods foo description-`,
    usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  },
  flags: [
    SELECTOR_FLAG, ALL_NAMESPACES_FLAG, DRY_RUN_FLAG,
    { name: 'overwrite', type: 'bool', usage: 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.' },
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types.' },
  ],
  run: (inv) => runMetadataEdit(inv, 'annotate'),
}
