// A draggable, keyboard-operable splitter (WAI-ARIA "window splitter": role=separator with a
// value). It reports the fraction of its container given to the first pane.
import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react'

/** Arrow keys move 2% of the container; Shift+arrow 10%. */
const KEY_STEP = 0.02
const KEY_STEP_LARGE = 0.1

export interface SplitterProps {
  /** 'vertical' separates left and right panes; 'horizontal' separates top and bottom. */
  orientation: 'vertical' | 'horizontal'
  value: number
  min: number
  max: number
  label: string
  controls?: string
  container: RefObject<HTMLElement | null>
  onChange(fraction: number): void
}

export function Splitter({ orientation, value, min, max, label, controls, container, onChange }: SplitterProps) {
  const dragging = useRef(false)
  const clamp = (f: number) => Math.min(max, Math.max(min, f))

  const fractionAt = (e: PointerEvent) => {
    const box = container.current?.getBoundingClientRect()
    if (!box) return value
    return orientation === 'vertical'
      ? (e.clientX - box.left) / Math.max(1, box.width)
      : (e.clientY - box.top) / Math.max(1, box.height)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp'
    const fwd = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown'
    let next: number | null = null
    if (e.key === back) next = value - step
    else if (e.key === fwd) next = value + step
    else if (e.key === 'Home') next = min
    else if (e.key === 'End') next = max
    if (next === null) return
    e.preventDefault()
    onChange(clamp(next))
  }

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuenow={Math.round(value * 100)}
      className={`splitter splitter-${orientation}`}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        dragging.current = true
        e.currentTarget.setPointerCapture(e.pointerId)
        e.preventDefault()
      }}
      onPointerMove={(e) => { if (dragging.current) onChange(clamp(fractionAt(e))) }}
      onPointerUp={(e) => {
        dragging.current = false
        e.currentTarget.releasePointerCapture(e.pointerId)
      }}
      onPointerCancel={() => { dragging.current = false }}
    />
  )
}
