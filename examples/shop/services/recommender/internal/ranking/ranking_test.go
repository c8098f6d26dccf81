package ranking

import (
	"reflect"
	"testing"
)

func TestFilterSkipsOwnedAndStopsAtN(t *testing.T) {
	got := Filter([]string{"a", "b", "c", "d"}, map[string]bool{"b": true}, 2)
	want := []string{"a", "c"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Filter() = %v, want %v", got, want)
	}
}
