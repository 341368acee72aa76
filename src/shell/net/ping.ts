// ping, one echo request a second on ctx.clock until -c COUNT or Ctrl-C, then the statistics.
// Two flavours: iputils (ubuntu/debian/centos, the learner's laptop) and busybox (busybox/alpine).
//   PING 10.244.0.5 (10.244.0.5) 56(84) bytes of data.          | PING 10.244.0.5 (10.244.0.5): 56 data bytes
//   64 bytes from 10.244.0.5: icmp_seq=1 ttl=64 time=0.045 ms   | 64 bytes from 10.244.0.5: seq=0 ttl=64 time=0.045 ms
// A ClusterIP (iptables mode) or a pod IP from the laptop never answers: the lines stop after PING.
import type { CommandContext, CommandInfo } from '../types'
import { netOf } from './common'

export type PingFlavour = 'iputils' | 'busybox'

/** Round trips on a bridge, in ms: a fixed wobble so runs are reproducible. */
const RTTS_MS = [0.045, 0.061, 0.052, 0.078, 0.049, 0.066, 0.058, 0.071]
const INTERVAL_MS = 1000

interface PingOptions {
  count?: number
  intervalMs: number
  quiet: boolean
  host?: string
}

function parse(args: string[]): PingOptions | string {
  const o: PingOptions = { intervalMs: INTERVAL_MS, quiet: false }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('-') && a.length > 1) {
      const flag = a[1]
      if (flag === 'q') o.quiet = true
      else if (flag === 'n' || flag === '4') continue
      else if ('ciWwst'.includes(flag)) {
        const v = a.length > 2 ? a.slice(2) : args[++i]
        if (v === undefined || !/^\d+(\.\d+)?$/.test(v)) return `invalid argument: '${v ?? ''}'`
        if (flag === 'c') o.count = Number(v)
        if (flag === 'i') o.intervalMs = Number(v) * 1000
      } else return `invalid option -- '${flag}'`
      continue
    }
    o.host = a
  }
  return o
}

export function createPing(flavour: PingFlavour): CommandInfo {
  const bb = flavour === 'busybox'
  return {
    summary: 'send ICMP ECHO_REQUEST to network hosts',
    async run(ctx: CommandContext): Promise<number> {
      const o = parse(ctx.argv.slice(1))
      if (typeof o === 'string' || !o.host) {
        ctx.stderr.write(bb ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : `ping: ${typeof o === 'string' ? o : 'usage error: Destination address required'}\n`)
        return bb ? 1 : 2
      }
      const host = o.host
      const net = netOf(ctx)
      const ip = net.resolve(host)?.[0]
      if (!ip) {
        ctx.stderr.write(bb ? `ping: bad address '${host}'\n` : `ping: ${host}: Name or service not known\n`)
        return bb ? 1 : 2
      }
      ctx.stdout.write(bb ? `PING ${host} (${ip}): 56 data bytes\n` : `PING ${host} (${ip}) 56(84) bytes of data.\n`)
      const start = ctx.clock.now()
      const rtts: number[] = []
      let sent = 0
      let done = false
      const summary = () => {
        if (done) return
        done = true
        ctx.stdout.write(statistics(bb, host, sent, rtts, ctx.clock.now() - start))
      }
      // Ctrl-C: the statistics are written at once, before the shell stops listening to us.
      const off = ctx.signal.onAbort(summary)
      try {
        for (;;) {
          const r = net.ping ? net.ping(ip) : { kind: 'error' as const, code: 'timeout' as const }
          const seq = bb ? sent : sent + 1
          sent++
          if (r.kind === 'reply') {
            const rtt = RTTS_MS[(sent - 1) % RTTS_MS.length]
            rtts.push(rtt)
            if (!o.quiet) ctx.stdout.write(`64 bytes from ${r.ip}: ${bb ? 'seq' : 'icmp_seq'}=${seq} ttl=${r.ttl} time=${rtt.toFixed(3)} ms\n`)
          }
          if (o.count !== undefined && sent >= o.count) break
          await ctx.clock.sleep(o.intervalMs, ctx.signal)
          if (ctx.signal.aborted) return 130
        }
      } finally {
        off()
      }
      summary()
      return rtts.length > 0 ? 0 : 1
    },
  }
}

function statistics(bb: boolean, host: string, sent: number, rtts: number[], elapsedMs: number): string {
  const received = rtts.length
  const loss = sent === 0 ? 0 : Math.round((100 * (sent - received)) / sent)
  const ms = (x: number) => x.toFixed(3)
  const min = Math.min(...rtts)
  const max = Math.max(...rtts)
  const avg = rtts.reduce((a, b) => a + b, 0) / (received || 1)
  let out = `\n--- ${host} ping statistics ---\n`
  if (bb) {
    out += `${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`
    if (received) out += `round-trip min/avg/max = ${ms(min)}/${ms(avg)}/${ms(max)} ms\n`
    return out
  }
  out += `${sent} packets transmitted, ${received} received, ${loss}% packet loss, time ${Math.round(elapsedMs)}ms\n`
  if (received) {
    const mdev = Math.sqrt(Math.max(0, rtts.reduce((a, b) => a + b * b, 0) / received - avg * avg))
    out += `rtt min/avg/max/mdev = ${ms(min)}/${ms(avg)}/${ms(max)}/${ms(mdev)} ms\n`
  }
  return out
}
