import { View } from '@tarojs/components'

export interface PickerOption<V extends string | number> {
  value: V
  label: string
}

export interface PickerFieldProps<V extends string | number> {
  label: string
  options: readonly PickerOption<V>[]
  value: V | null
  onChange: (value: V) => void
  placeholder?: string
  hint?: string
  disabled?: boolean
}

/**
 * A labelled single choice shown as big buttons, all visible at once. Wheel pickers are hard for
 * elderly fingers and eyes (small text, a drag to move); a tap on a plainly labelled button is not.
 */
export function PickerField<V extends string | number>(props: PickerFieldProps<V>) {
  const chosen = props.options.find((o) => o.value === props.value)
  return (
    <View className="l-field">
      <View className="l-field__label">{props.label}</View>
      {!chosen && props.placeholder ? <View className="l-field__hint">{props.placeholder}</View> : null}
      <View className="l-choices">
        {props.options.map((o) => {
          const on = o.value === props.value
          return (
            <View
              key={String(o.value)}
              className={`l-choice${on ? ' l-choice--on' : ''}${props.disabled ? ' l-choice--disabled' : ''}`}
              onClick={() => {
                if (!props.disabled) props.onChange(o.value)
              }}
            >
              {on ? '✓ ' : ''}
              {o.label}
            </View>
          )
        })}
      </View>
      {props.hint ? <View className="l-field__hint">{props.hint}</View> : null}
    </View>
  )
}
