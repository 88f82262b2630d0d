import { Picker, View } from '@tarojs/components'

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

/** A labelled single choice that looks like a Field and opens the platform's wheel picker. */
export function PickerField<V extends string | number>(props: PickerFieldProps<V>) {
  const index = props.options.findIndex((o) => o.value === props.value)
  const chosen = index >= 0 ? props.options[index] : undefined
  return (
    <View className='l-field'>
      <View className='l-field__label'>{props.label}</View>
      <Picker
        mode='selector'
        range={props.options.map((o) => o.label)}
        value={Math.max(index, 0)}
        disabled={props.disabled || props.options.length === 0}
        onChange={(e) => {
          const picked = props.options[Number(e.detail.value)]
          if (picked) props.onChange(picked.value)
        }}
      >
        <View className='l-field__input l-field__picker'>
          <View className={chosen ? '' : 'l-field__placeholder'}>{chosen ? chosen.label : (props.placeholder ?? '请选择')}</View>
          <View className='l-row__arrow'>▾</View>
        </View>
      </Picker>
      {props.hint ? <View className='l-field__hint'>{props.hint}</View> : null}
    </View>
  )
}
