package gazetteer

// finish validates the merged entries (ids, types, references) and returns
// the gazetteer; problems are collected in b.errs.
func (b *builder) finish() *Gazetteer {
	for _, id := range b.g.order.places {
		b.checkPlace(b.g.places[id])
	}
	for _, id := range b.g.order.people {
		b.checkPerson(b.g.people[id])
	}
	for _, id := range b.g.order.orgs {
		b.checkOrg(b.g.orgs[id])
	}
	return b.g
}

func (b *builder) checkPlace(p *Place) {
	switch p.Type {
	case PlaceCountry:
		b.checkID(p.Source, p.ID, countryID.MatchString(p.ID), "a country id is ISO 3166-1 alpha-2 (JP)")
	case PlaceRegion:
		b.checkID(p.Source, p.ID, regionID.MatchString(p.ID), "a region id is ISO 3166-2 (RU-KYA, JP-13)")
	case PlaceCity:
		b.checkID(p.Source, p.ID, cityID.MatchString(p.ID), "a city id is city:<slug> (city:tokyo)")
	case PlaceArea:
		b.checkID(p.Source, p.ID, areaID.MatchString(p.ID), "an area id is area:<slug> (area:europe)")
	default:
		b.errorf(p.Source, "place %s: type %q is not country, region, city or area", p.ID, p.Type)
	}
	if (p.Type == PlaceCountry || p.Type == PlaceRegion) && p.Code == "" {
		p.Code = p.ID
	}
	if p.Parent != "" {
		if _, ok := b.g.places[p.Parent]; !ok {
			b.errorf(p.Source, "place %s: parent %q is not a known place", p.ID, p.Parent)
		}
	}
	b.checkNames(p.Source, p.ID, p.Names)
}

func (b *builder) checkPerson(p *Person) {
	b.checkID(p.Source, p.ID, personID.MatchString(p.ID), "a person id is person:<slug> (person:vladimir-putin)")
	b.checkNames(p.Source, p.ID, p.Names)
	for _, r := range p.Roles {
		for _, ref := range []string{r.Office, r.To} {
			if _, ok := b.g.places[ref]; ref != "" && !ok {
				b.errorf(r.Source, "person %s: role %s: %q is not a known place code", p.ID, r.Role, ref)
			}
		}
	}
}

func (b *builder) checkOrg(o *Org) {
	b.checkID(o.Source, o.ID, orgID.MatchString(o.ID), "an organisation id is org:<slug> (org:tass)")
	if len(o.Names) == 0 && len(o.Abbreviations) == 0 {
		b.errorf(o.Source, "org %s: no names", o.ID)
	}
}

func (b *builder) checkID(pos Pos, id string, ok bool, hint string) {
	if id == "" {
		b.errorf(pos, "missing id")
		return
	}
	if !ok {
		b.errorf(pos, "id %q: %s", id, hint)
	}
}

func (b *builder) checkNames(pos Pos, id string, n Names) {
	if len(n) == 0 {
		b.errorf(pos, "%s: no names", id)
	}
}
