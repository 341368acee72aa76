import { measureRollout } from './bench/rollout'
const b: any = await measureRollout(); console.log(JSON.stringify(b).slice(0, 600))
