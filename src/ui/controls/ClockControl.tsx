// The clock control: play/pause, speed, step one second, and the virtual time (interpolated
// between the engine's clock reports so the seconds tick smoothly).
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { CLOCK_SPEEDS } from '../../protocol/messages'
import { clockStore, setClock, stepClock, virtualNow } from '../../state/clock'
import { formatClock, speedLabel } from './formatClock'

/** Redraw 4× a second: at 10× speed the seconds still advance visibly, cheaply. */
const TICK_MS = 250

export function ClockControl() {
  const view = useStore(clockStore)
  const [realNow, setRealNow] = useState(() => performance.now())
  const running = !!view.clock && !view.clock.paused

  useEffect(() => {
    if (!running) return
    const t = setInterval(() => setRealNow(performance.now()), TICK_MS)
    return () => clearInterval(t)
  }, [running])

  const now = virtualNow(view, Math.max(realNow, view.receivedAt))
  const shown = now === null ? null : formatClock(now)
  const disabled = !view.clock
  const speed = view.clock?.speed ?? 1

  return (
    <div className="clock" data-testid="clock" role="group" aria-label="Virtual clock">
      <button
        type="button"
        className="btn btn-icon"
        disabled={disabled}
        aria-label={running ? 'Pause' : 'Play'}
        title={running ? 'Pause the cluster clock' : 'Resume the cluster clock'}
        onClick={() => setClock({ paused: running }, performance.now())}
      >
        <span aria-hidden="true">{running ? '❚❚' : '▶'}</span>
      </button>
      <button
        type="button"
        className="btn"
        disabled={disabled}
        title="Advance the cluster clock by one second"
        onClick={() => stepClock()}
      >
        Step
      </button>
      <label className="clock-speed">
        <span>Speed</span>
        <select
          value={String(speed)}
          disabled={disabled}
          onChange={(e) => setClock({ speed: Number(e.target.value) }, performance.now())}
        >
          {CLOCK_SPEEDS.map((s) => <option key={s} value={String(s)}>{speedLabel(s)}</option>)}
        </select>
      </label>
      <time className="clock-time" dateTime={shown?.iso} aria-live="off" data-testid="clock-time" title={shown ? `${shown.date} ${shown.time} UTC (virtual)` : undefined}>
        {shown ? shown.time : '--:--:--'}
      </time>
    </div>
  )
}
