import { View } from '@tarojs/components'

export interface UnitOption {
  id: string
  name: string
}

/** One tap picks the village (or unit) to work in; hidden when there is only one. */
export function UnitChoice(props: { options: UnitOption[]; value: string | null; onChange: (id: string) => void }) {
  if (props.options.length <= 1) return null
  return (
    <View className="l-choices">
      {props.options.map((o) => (
        <View
          key={o.id}
          className={`l-choice${o.id === props.value ? ' l-choice--on' : ''}`}
          onClick={() => props.onChange(o.id)}
        >
          {o.name}
        </View>
      ))}
    </View>
  )
}
